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
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workers' side of the inbox: lock due events in a processing transaction, then record what became of
 * them. Any number of nodes can share it: a claim skips the rows another transaction holds.
 */
@Component
@CrossStore("workers claim events of every store; each is then processed as its own store once resolved")
class InboxQueue {

    /** What a worker reads of an event besides its id. */
    private static final String[] READ = {
        "idempotency_key", "field", "waba_id", "phone_number_id", "payload", "attempts", "received_at"
    };

    private static final String COLUMNS = "id, " + String.join(", ", READ);

    // One claim per state: "state = ?" lets the database walk webhook_inbox_due_idx (state, next_attempt_at)
    // in due order and stop after the batch; "state in (...)" made it sort every waiting row at each claim,
    // which with a backlog of 100,000 events cost milliseconds of database time per event.
    private static final JobTable PENDING = inState(InboxState.PENDING);
    // Parked events (no store owns their WABA or number yet) are looked at again like pending ones.
    private static final JobTable PARKED = inState(InboxState.PARKED);

    private static JobTable inState(InboxState state) {
        return JobTable.of("webhook_inbox", "id", "next_attempt_at")
                .selecting(READ)
                .where("state = '" + state.name() + "'");
    }

    private static final String LOCK_ONE = "select " + COLUMNS + """
             from webhook_inbox where id = :id and attempts = :before and state in ('PENDING', 'PARKED')
            for update skip locked""";

    // Fenced by the attempts the row counted when it was locked: a failure is recorded once.
    private static final String RESCHEDULE = """
            update webhook_inbox
            set state = :state, next_attempt_at = :next, last_error = :reason, attempts = :counted
            where id = :id and attempts = :before""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Database database;
    private final TransactionTemplate transaction;
    private final LeasedJobs pending;
    private final LeasedJobs parked;
    private final Clock clock;
    private final ParkedLooks parkedLooks = new ParkedLooks();

    InboxQueue(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, Database database, Clock clock) {
        this.jdbc = jdbc;
        this.database = database;
        this.transaction = transaction;
        this.pending = PENDING.on(JdbcClient.create(jdbc), transaction);
        this.parked = PARKED.on(JdbcClient.create(jdbc), transaction);
        this.clock = clock;
    }

    /**
     * Locks up to {@code limit} due events in the caller's transaction, pending ones first, then parked ones
     * due for another look (looked for at most once a second, see {@link ParkedLooks}). They stay with this worker until the transaction ends, which is also what
     * ends the claim: committed with the events done, or rolled back (a failure, or a node that died: the
     * database ends its transaction), the events due again at once. Nothing is written to claim them.
     */
    List<ClaimedEvent> lockDue(int limit) {
        Instant now = clock.instant();
        List<ClaimedEvent> locked = new ArrayList<>(pending.lock(limit, now, InboxQueue::claimed));
        if (locked.size() < limit && parkedLooks.due(now)) {
            int asked = limit - locked.size();
            List<ClaimedEvent> dueAgain = parked.lock(asked, now, InboxQueue::claimed);
            if (dueAgain.size() == asked) {
                parkedLooks.foundAFullBatch();
            }
            locked.addAll(dueAgain);
        }
        return locked;
    }

    /**
     * Locks one event again in the caller's transaction, if no one processed it or recorded a failure of it
     * since {@code event} was read.
     */
    Optional<ClaimedEvent> lockAgain(ClaimedEvent event) {
        return jdbc.query(LOCK_ONE, fenced(event), InboxQueue::claimed).stream().findFirst();
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
     * Marks events this transaction locked processed; for each, whether it was still waiting (it was, as
     * the lock kept every other worker from it). A done event has no next
     * attempt: its {@code next_attempt_at} becomes when it was done, so that retention finds old done
     * events through {@code webhook_inbox_due_idx} rather than through one more index to write on every
     * insert and update of this table.
     */
    boolean[] markDone(List<ClaimedEvent> claimed) {
        OffsetDateTime now = now();
        boolean[] done = new boolean[claimed.size()];
        if (database.postgres()) {
            // One statement for the batch (the ids go as an array), found through the primary key: a join with
            // unnest() let the planner pick a hash join over a scan of the whole table.
            Set<Long> marked = new HashSet<>(jdbc.queryForList(
                    """
                    update webhook_inbox set state = 'DONE', processed_at = :now, next_attempt_at = :now, last_error = null
                    where id = any(cast(:ids as bigint[])) and state in ('PENDING', 'PARKED')
                    returning id""",
                    new MapSqlParameterSource()
                            .addValue("now", now)
                            .addValue(
                                    "ids",
                                    claimed.stream().map(ClaimedEvent::id).toArray(Long[]::new)),
                    Long.class));
            for (int i = 0; i < done.length; i++) {
                done[i] = marked.contains(claimed.get(i).id());
            }
            return done;
        }
        int[] counts = jdbc.batchUpdate(
                """
                update webhook_inbox set state = 'DONE', processed_at = :now, next_attempt_at = :now, last_error = null
                where id = :id and state in ('PENDING', 'PARKED')""",
                claimed.stream()
                        .map(event -> new MapSqlParameterSource("id", event.id()).addValue("now", now))
                        .toArray(MapSqlParameterSource[]::new));
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

    /** Parks events in one statement batch (in the caller's transaction if any); this counts no attempt. */
    void park(List<Parking> parked) {
        OffsetDateTime now = now();
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(
                RESCHEDULE,
                parked.stream()
                        .map(parking -> rescheduling(
                                parking.event(), InboxState.PARKED, now.plus(parking.delay()), parking.reason(), false))
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

    /** Tries a failed event again later; its attempt counts. */
    void retryLater(ClaimedEvent event, Duration delay, String reason) {
        reschedule(event, InboxState.PENDING, delay, reason);
    }

    /** Sets an event aside for support; its attempt counts. */
    void quarantine(ClaimedEvent event, String reason) {
        reschedule(event, InboxState.QUARANTINED, Duration.ZERO, reason);
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

    private void reschedule(ClaimedEvent event, InboxState state, Duration delay, String reason) {
        transaction.executeWithoutResult(
                status -> jdbc.update(RESCHEDULE, rescheduling(event, state, now().plus(delay), reason, true)));
    }

    private static MapSqlParameterSource rescheduling(
            ClaimedEvent event, InboxState state, OffsetDateTime next, String reason, boolean countsAnAttempt) {
        return fenced(event)
                .addValue("state", state.name())
                .addValue("next", next)
                .addValue("reason", WebhookInbox.truncate(reason))
                .addValue("counted", countsAnAttempt ? event.attempts() : event.attempts() - 1);
    }

    /** The event's row as it was read: the attempts before this one. */
    private static MapSqlParameterSource fenced(ClaimedEvent event) {
        return new MapSqlParameterSource().addValue("id", event.id()).addValue("before", event.attempts() - 1);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
