package br.com.whatsappoficial.template;

import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The current store's sync rows: when each WABA's templates were last read from Meta and when next. */
@Component
class TemplateSyncs {

    private final StoreScopedJdbc jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    TemplateSyncs(StoreScopedJdbc jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Makes sure the WABA is synced periodically; its first sync is due at once. In a transaction of its
     * own: two webhooks of one WABA may track it at once, and on PostgreSQL the loser's duplicate key
     * would otherwise abort the caller's whole transaction.
     */
    void track(WabaId waba) {
        try {
            ownTransaction.executeWithoutResult(status -> trackNow(waba));
        } catch (DuplicateKeyException trackedMeanwhile) {
            // Another transaction tracked it between our read and our insert: that is all we wanted.
        }
    }

    private void trackNow(WabaId waba) {
        boolean known = jdbc.sql("select count(*) from template_syncs where store_id = :storeId and waba_id = :waba")
                        .param("waba", waba.value())
                        .query(Integer.class)
                        .single()
                > 0;
        if (known) {
            return;
        }
        jdbc.sql("insert into template_syncs (waba_id, store_id, next_sync_at) values (:waba, :storeId, :now)")
                .param("waba", waba.value())
                .param("now", TemplateRows.at(clock.instant()))
                .update();
    }

    /** Syncs the WABA soon: a webhook named a template we do not know yet. */
    void soon(WabaId waba) {
        track(waba);
        jdbc.sql("update template_syncs set next_sync_at = :now where store_id = :storeId and waba_id = :waba"
                        + " and next_sync_at > :now")
                .param("waba", waba.value())
                .param("now", TemplateRows.at(clock.instant()))
                .update();
    }

    /** Locks the WABA's row until the transaction ends: creations of one WABA are counted one at a time. */
    void lock(WabaId waba) {
        track(waba);
        jdbc.sql("select waba_id from template_syncs where store_id = :storeId and waba_id = :waba for update")
                .param("waba", waba.value())
                .query(String.class)
                .single();
    }

    void done(WabaId waba, Instant at, String outcome, Instant next) {
        jdbc.sql("""
                        update template_syncs set last_sync_at = :at, last_outcome = :outcome, next_sync_at = :next
                        where store_id = :storeId and waba_id = :waba""")
                .param("waba", waba.value())
                .param("at", TemplateRows.at(at))
                .param("outcome", outcome)
                .param("next", TemplateRows.at(next))
                .update();
    }

    /** The last time Meta answered a read of any of the store's WABAs (a failed attempt is not a read). */
    Optional<Instant> lastSync() {
        return Optional.ofNullable(state().lastSynced());
    }

    /**
     * Where the store's reads stand. A WABA never read yet counts as scheduled even while a node holds
     * its lease: its first read is queued (by {@code soon}) or running, not missing.
     */
    TemplateSyncState state() {
        OffsetDateTime now = TemplateRows.at(clock.instant());
        return jdbc.sql("""
                        select max(case when last_outcome = 'OK' then last_sync_at end),
                               sum(case when last_sync_at is null or next_sync_at <= :now then 1 else 0 end),
                               min(case when last_outcome <> 'OK' then next_sync_at end)
                        from template_syncs where store_id = :storeId""")
                .param("now", now)
                .query((rs, n) -> new TemplateSyncState(
                        instant(rs.getObject(1, OffsetDateTime.class)),
                        rs.getInt(2) > 0,
                        instant(rs.getObject(3, OffsetDateTime.class))))
                .single();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
