package br.com.whatsappoficial.webhook;

import br.com.leasedjobs.JobTable;
import br.com.leasedjobs.LeasedJobs;
import br.com.whatsappoficial.store.CrossStore;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workers' side of the inbox: claim due events under a lease, then record what became of them.
 * Any number of nodes can share it: a claim skips the rows another transaction holds.
 */
@Component
@CrossStore("workers claim events of every store; each is then processed as its own store once resolved")
class InboxQueue {

    // parked events (no store owns their WABA or number yet) are looked at again like pending ones
    private static final JobTable EVENTS = JobTable.of("webhook_inbox", "id", "next_attempt_at")
            .selecting("idempotency_key", "field", "waba_id", "phone_number_id", "payload", "attempts", "received_at")
            .where("state in ('PENDING', 'PARKED')")
            .settingOnClaim("attempts = attempts + 1");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LeasedJobs events;
    private final Clock clock;

    InboxQueue(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = EVENTS.on(JdbcClient.create(jdbc), transaction);
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} due events for {@code lease}: they are not due again before it ends,
     * so a node that dies holding them only delays them. Each claim counts as an attempt, and the
     * attempt number identifies this claim when its outcome is recorded.
     */
    List<ClaimedEvent> claim(int limit, Duration lease) {
        return events.claim(
                limit,
                clock.instant(),
                lease,
                (row, n) -> new ClaimedEvent(
                        row.getLong("id"),
                        row.getString("idempotency_key"),
                        row.getString("field"),
                        row.getString("waba_id"),
                        row.getString("phone_number_id"),
                        row.getString("payload"),
                        row.getInt("attempts") + 1,
                        row.getObject("received_at", OffsetDateTime.class)));
    }

    /**
     * Marks a claimed event processed; false when its lease was lost to another worker. A done event has
     * no next attempt: its {@code next_attempt_at} becomes when it was done, so that retention finds old
     * done events through {@code webhook_inbox_due_idx} rather than through one more index to write on
     * every insert and update of this table.
     */
    boolean markDone(ClaimedEvent event) {
        return jdbc.update("""
                        update webhook_inbox set state = 'DONE', processed_at = :now, next_attempt_at = :now, last_error = null
                        where id = :id and attempts = :attempts and state in ('PENDING', 'PARKED')""", claim(event).addValue("now", now())) == 1;
    }

    /** Tries a failed event again later. */
    void retryLater(ClaimedEvent event, Duration delay, String reason) {
        reschedule(event, InboxState.PENDING, delay, reason, 0);
    }

    /** No store owns the event's WABA or number yet: look again later; this does not count as a failure. */
    void park(ClaimedEvent event, Duration delay, String reason) {
        reschedule(event, InboxState.PARKED, delay, reason, 1);
    }

    void quarantine(ClaimedEvent event, String reason) {
        reschedule(event, InboxState.QUARANTINED, Duration.ZERO, reason, 0);
    }

    /** How many events wait, and since when the oldest one waits. */
    Backlog backlog() {
        return jdbc.queryForObject(
                "select count(*) as waiting, min(received_at) as oldest from webhook_inbox where state in ('PENDING', 'PARKED')",
                Map.of(),
                (row, n) -> {
                    OffsetDateTime oldest = row.getObject("oldest", OffsetDateTime.class);
                    return new Backlog(
                            row.getLong("waiting"), oldest == null ? Duration.ZERO : Duration.between(oldest, now()));
                });
    }

    record Backlog(long waiting, Duration oldestAge) {}

    private void reschedule(ClaimedEvent event, InboxState state, Duration delay, String reason, int attemptsBack) {
        OffsetDateTime now = now();
        transaction.executeWithoutResult(status -> jdbc.update(
                """
                update webhook_inbox
                set state = :state, next_attempt_at = :next, last_error = :reason, attempts = attempts - :back
                where id = :id and attempts = :attempts""",
                claim(event)
                        .addValue("state", state.name())
                        .addValue("next", now.plus(delay))
                        .addValue("reason", WebhookInbox.truncate(reason))
                        .addValue("back", attemptsBack)));
    }

    private static MapSqlParameterSource claim(ClaimedEvent event) {
        return new MapSqlParameterSource().addValue("id", event.id()).addValue("attempts", event.attempts());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
