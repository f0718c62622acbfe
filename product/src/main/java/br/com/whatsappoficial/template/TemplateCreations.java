package br.com.whatsappoficial.template;

import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the creations sent to Meta per WABA over the last hour, so the product stops at Meta's cap
 * with its own message instead of spending calls on Meta's refusal.
 */
@Component
class TemplateCreations {

    static final Duration WINDOW = Duration.ofHours(1);

    private final StoreScopedJdbc jdbc;
    private final TemplateSyncs syncs;
    private final TemplateSettings settings;
    private final Clock clock;

    TemplateCreations(StoreScopedJdbc jdbc, TemplateSyncs syncs, TemplateSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.syncs = syncs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Takes one of the WABA's creations of the rolling hour, or says when the next one frees. */
    @Transactional
    void reserve(WabaId waba) {
        syncs.lock(waba);
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        int used = jdbc.sql("select count(*) from template_creations"
                        + " where store_id = :storeId and waba_id = :waba and created_at > :since")
                .param("waba", waba.value())
                .param("since", TemplateRows.at(since))
                .query(Integer.class)
                .single();
        if (used >= settings.creationsPerHour()) {
            Instant oldest = jdbc.sql("select min(created_at) from template_creations"
                            + " where store_id = :storeId and waba_id = :waba and created_at > :since")
                    .param("waba", waba.value())
                    .param("since", TemplateRows.at(since))
                    .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                    .single()
                    .toInstant();
            throw new TemplateCreationsExhausted(settings.creationsPerHour(), oldest.plus(WINDOW));
        }
        jdbc.sql("insert into template_creations (store_id, waba_id, created_at) values (:storeId, :waba, :now)")
                .param("waba", waba.value())
                .param("now", TemplateRows.at(now))
                .update();
        jdbc.sql(
                        "delete from template_creations where store_id = :storeId and waba_id = :waba and created_at <= :since")
                .param("waba", waba.value())
                .param("since", TemplateRows.at(since))
                .update();
    }
}
