package br.com.whatsappoficial.messaging;

import br.com.leasedjobs.JobTable;
import br.com.leasedjobs.LeasedJobs;
import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out due status callbacks, each to one node at a time under a lease. A callback is only due once
 * every earlier callback of its message is delivered or given up: one message's callbacks go one at a
 * time, in the order their statuses were recorded, so a receiver never gets a newer status before an older.
 */
@Component
@CrossStore("the callback workers serve every store, then deliver each callback as its store")
class CallbackOutbox {

    private static final JobTable CALLBACKS = JobTable.of("messaging_callbacks", "callback_id", "due_at")
            .selecting("store_id", "message_id", "body", "attempts", "created_at")
            .where("state = 'PENDING' and not exists (select 1 from messaging_callbacks earlier"
                    + " where earlier.message_id = messaging_callbacks.message_id"
                    + " and earlier.callback_id < messaging_callbacks.callback_id and earlier.state = 'PENDING')")
            .settingOnClaim("attempts = attempts + 1");

    /**
     * A callback to post.
     *
     * @param attempt this attempt's number, from 1
     */
    record Due(long id, StoreId store, MessageId message, String body, int attempt, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final LeasedJobs callbacks;
    private final CallbackSettings settings;
    private final Clock clock;

    CallbackOutbox(JdbcClient jdbc, TransactionTemplate transaction, CallbackSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.callbacks = CALLBACKS.on(jdbc, transaction);
        this.settings = settings;
        this.clock = clock;
    }

    List<Due> claim(int limit) {
        return callbacks.claim(
                limit,
                clock.instant(),
                settings.lease(),
                (rs, n) -> new Due(
                        rs.getLong("callback_id"),
                        new StoreId(rs.getObject("store_id", UUID.class)),
                        new MessageId(rs.getObject("message_id", UUID.class)),
                        rs.getString("body"),
                        rs.getInt("attempts") + 1,
                        rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant()));
    }

    /**
     * Deletes up to {@code batch} delivered or given-up callbacks recorded before {@code cutoff}, oldest
     * first; the merchant's log only shows recent ones. A pending callback is never deleted.
     */
    int forgetFinishedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from messaging_callbacks where callback_id in (
                            select callback_id from messaging_callbacks
                            where state <> 'PENDING' and created_at < :cutoff
                            order by callback_id fetch first :batch rows only)""")
                .param("cutoff", cutoff.atOffset(java.time.ZoneOffset.UTC))
                .param("batch", batch)
                .update();
    }
}
