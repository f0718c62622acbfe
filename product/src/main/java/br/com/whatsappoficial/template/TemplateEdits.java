package br.com.whatsappoficial.template;

import br.com.whatsappoficial.meta.MessageTemplateId;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts the edits Meta accepted of each approved template, so the product stops at Meta's limits with its
 * own message: an approved template can be edited once in 24 hours and ten times in 30 days; rejected and
 * paused ones any number of times.
 */
@Component
class TemplateEdits {

    static final Duration DAY = Duration.ofHours(24);
    static final Duration MONTH = Duration.ofDays(30);
    static final int PER_MONTH = 10;

    private final StoreScopedJdbc jdbc;
    private final Clock clock;

    TemplateEdits(StoreScopedJdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the template may be edited again, when Meta's limits forbid it now; empty when it may. */
    Optional<TemplateEditsExhausted> exhausted(Template template) {
        if (!template.status().equals(TemplateStatus.APPROVED)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Instant> edits = jdbc.sql("select edited_at from template_edits"
                        + " where store_id = :storeId and template_id = :id and edited_at > :since"
                        + " order by edited_at")
                .param("id", template.id().value())
                .param("since", TemplateRows.at(now.minus(MONTH)))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
        return limit(edits, now);
    }

    /** Meta's two windows over the template's edits while approved, oldest first. */
    static Optional<TemplateEditsExhausted> limit(List<Instant> edits, Instant now) {
        if (edits.size() >= PER_MONTH) {
            return Optional.of(new TemplateEditsExhausted(
                    TemplateEditsExhausted.Window.MONTH,
                    edits.get(edits.size() - PER_MONTH).plus(MONTH)));
        }
        if (!edits.isEmpty() && edits.getLast().isAfter(now.minus(DAY))) {
            return Optional.of(new TemplateEditsExhausted(
                    TemplateEditsExhausted.Window.DAY, edits.getLast().plus(DAY)));
        }
        return Optional.empty();
    }

    /** Counts an edit Meta accepted of an approved template. */
    void record(MessageTemplateId template) {
        Instant now = clock.instant();
        jdbc.sql("insert into template_edits (store_id, template_id, edited_at) values (:storeId, :id, :now)")
                .param("id", template.value())
                .param("now", TemplateRows.at(now))
                .update();
        jdbc.sql("delete from template_edits where store_id = :storeId and template_id = :id and edited_at <= :since")
                .param("id", template.value())
                .param("since", TemplateRows.at(now.minus(MONTH)))
                .update();
    }
}
