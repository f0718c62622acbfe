package br.com.whatsappoficial.webhook;

import br.com.leasedjobs.JobTable;
import br.com.leasedjobs.LeasedJobs;
import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    // One claim per state: "state = ?" lets the database walk webhook_inbox_due_idx (state, next_attempt_at)
    // in due order and stop after the batch; "state in (...)" made it sort every waiting row at each claim,
    // which with a backlog of 100,000 events cost milliseconds of database time per event.
    private static final JobTable PENDING = inState(InboxState.PENDING);
    // Parked events (no store owns their WABA or number yet) are looked at again like pending ones.
    private static final JobTable PARKED = inState(InboxState.PARKED);

    private static JobTable inState(InboxState state) {
        return JobTable.of("webhook_inbox", "id", "next_attempt_at")
                .selecting(
                        "idempotency_key", "field", "waba_id", "phone_number_id", "payload", "attempts", "received_at")
                .where("state = '" + state.name() + "'")
                .settingOnClaim("attempts = attempts + 1");
    }

    private static final String RESCHEDULE = """
            update webhook_inbox
            set state = :state, next_attempt_at = :next, last_error = :reason, attempts = attempts - :back
            where id = :id and attempts = :attempts""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Database database;
    private final TransactionTemplate transaction;
    private final LeasedJobs pending;
    private final LeasedJobs parked;
    private final Clock clock;

    InboxQueue(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, Database database, Clock clock) {
        this.jdbc = jdbc;
        this.database = database;
        this.transaction = transaction;
        this.pending = PENDING.on(JdbcClient.create(jdbc), transaction);
        this.parked = PARKED.on(JdbcClient.create(jdbc), transaction);
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} due events for {@code lease}: they are not due again before it ends,
     * so a node that dies holding them only delays them. Each claim counts as an attempt, and the
     * attempt number identifies this claim when its outcome is recorded.
     */
    List<ClaimedEvent> claim(int limit, Duration lease) {
        Instant now = clock.instant();
        List<ClaimedEvent> claimed = new ArrayList<>(pending.claim(limit, now, lease, InboxQueue::claimed));
        if (claimed.size() < limit) {
            claimed.addAll(parked.claim(limit - claimed.size(), now, lease, InboxQueue::claimed));
        }
        return claimed;
    }

    private static ClaimedEvent claimed(ResultSet row, int n) throws SQLException {
        return new ClaimedEvent(
                row.getLong("id"),
                row.getString("idempotency_key"),
                row.getString("field"),
                row.getString("waba_id"),
                row.getString("phone_number_id"),
                row.getString("payload"),
                row.getInt("attempts") + 1,
                row.getObject("received_at", OffsetDateTime.class));
    }

    /**
     * Marks claimed events processed, within the caller's transaction; for each, false when its lease was
     * lost to another worker (that worker's processing counts, not ours). A done event has no next
     * attempt: its {@code next_attempt_at} becomes when it was done, so that retention finds old done
     * events through {@code webhook_inbox_due_idx} rather than through one more index to write on every
     * insert and update of this table.
     */
    boolean[] markDone(List<ClaimedEvent> claimed) {
        OffsetDateTime now = now();
        boolean[] done = new boolean[claimed.size()];
        if (database.postgres()) {
            // One statement for the batch, fenced per event by its attempt (arrays go as text: the driver
            // binds String[] only).
            Set<Long> marked = new HashSet<>(jdbc.queryForList(
                    """
                    update webhook_inbox w set state = 'DONE', processed_at = :now, next_attempt_at = :now, last_error = null
                    from unnest(cast(:ids as bigint[]), cast(:attempts as integer[])) as c(id, attempts)
                    where w.id = c.id and w.attempts = c.attempts and w.state in ('PENDING', 'PARKED')
                    returning w.id""",
                    new MapSqlParameterSource()
                            .addValue("now", now)
                            .addValue(
                                    "ids",
                                    claimed.stream().map(ClaimedEvent::id).toArray(Long[]::new))
                            .addValue(
                                    "attempts",
                                    claimed.stream().map(ClaimedEvent::attempts).toArray(Integer[]::new)),
                    Long.class));
            for (int i = 0; i < done.length; i++) {
                done[i] = marked.contains(claimed.get(i).id());
            }
            return done;
        }
        int[] counts = jdbc.batchUpdate(
                """
                update webhook_inbox set state = 'DONE', processed_at = :now, next_attempt_at = :now, last_error = null
                where id = :id and attempts = :attempts and state in ('PENDING', 'PARKED')""",
                claimed.stream().map(event -> claim(event).addValue("now", now)).toArray(MapSqlParameterSource[]::new));
        for (int i = 0; i < done.length; i++) {
            done[i] = counts[i] == 1;
        }
        return done;
    }

    /**
     * Lets the current transaction commit without waiting for its write to reach the disk (PostgreSQL's
     * {@code synchronous_commit = off}, for this transaction only). Safe for processing: were the commit
     * lost in a crash, the events' done marks are lost with their effects, in one transaction, so they are
     * processed again as if never processed; and anything done outside the database because of it (a
     * reply sent to Meta, a callback posted) is first claimed by a synchronous commit, which writes this one
     * to disk before it. Ingest, which Meta's acknowledgement waits for, keeps waiting for the disk.
     */
    void commitWithoutWaitingForDisk() {
        if (database.postgres()) {
            jdbc.getJdbcOperations().execute("set local synchronous_commit to off");
        }
    }

    /** An event to look at again later because no store owns its WABA or number yet. */
    record Parking(ClaimedEvent event, Duration delay, String reason) {}

    /** Parks events in one transaction; this does not count as a failure of theirs. */
    void park(List<Parking> parked) {
        OffsetDateTime now = now();
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(
                RESCHEDULE,
                parked.stream()
                        .map(parking -> rescheduling(
                                parking.event(), InboxState.PARKED, now.plus(parking.delay()), parking.reason(), 1))
                        .toArray(MapSqlParameterSource[]::new)));
    }

    /**
     * A store now owns this WABA and these numbers: their parked events are due at once rather than at
     * their next look, which for an event parked for long is up to the longest retry delay away.
     */
    int releaseParked(String wabaId, Collection<String> phoneNumberIds) {
        return jdbc.update(
                """
                update webhook_inbox set next_attempt_at = :now
                where state = 'PARKED' and next_attempt_at > :now
                  and (waba_id = :waba or phone_number_id in (:phones))""",
                new MapSqlParameterSource()
                        .addValue("now", now())
                        .addValue("waba", wabaId)
                        // "in ()" is not SQL: a WABA without numbers matches no number.
                        .addValue("phones", phoneNumberIds.isEmpty() ? List.of(wabaId) : phoneNumberIds));
    }

    /** Tries a failed event again later. */
    void retryLater(ClaimedEvent event, Duration delay, String reason) {
        reschedule(event, InboxState.PENDING, delay, reason, 0);
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
        transaction.executeWithoutResult(
                status -> jdbc.update(RESCHEDULE, rescheduling(event, state, now().plus(delay), reason, attemptsBack)));
    }

    private static MapSqlParameterSource rescheduling(
            ClaimedEvent event, InboxState state, OffsetDateTime next, String reason, int attemptsBack) {
        return claim(event)
                .addValue("state", state.name())
                .addValue("next", next)
                .addValue("reason", WebhookInbox.truncate(reason))
                .addValue("back", attemptsBack);
    }

    private static MapSqlParameterSource claim(ClaimedEvent event) {
        return new MapSqlParameterSource().addValue("id", event.id()).addValue("attempts", event.attempts());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
