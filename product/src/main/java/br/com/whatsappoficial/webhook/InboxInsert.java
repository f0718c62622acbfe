package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.Database;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a group commit's events into the inbox table, skipping those already there. On PostgreSQL the
 * whole group is one {@code INSERT ... SELECT FROM unnest(...)}: one statement to parse, plan and
 * execute instead of one per row, which halved the database's CPU per acknowledged event (see {@code
 * bench/run}). The embedded H2 database takes a JDBC batch of single-row inserts.
 */
@Component
@CrossStore("webhooks are stored before their store is known: Meta's ids are resolved by the workers")
class InboxInsert {

    // "on conflict do nothing" without a target: PostgreSQL and H2 (PostgreSQL mode) both accept it.
    private static final String ROW = """
            insert into webhook_inbox
                (idempotency_key, field, waba_id, phone_number_id, payload, state, attempts, received_at, next_attempt_at)
            values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
            on conflict do nothing""";

    // A key twice in one statement is inserted once.
    private static final String UNNEST = """
            insert into webhook_inbox
                (idempotency_key, field, waba_id, phone_number_id, payload, state, attempts, received_at, next_attempt_at)
            select k, f, w, p, convert_from(j, 'UTF8'), 'PENDING', 0, ?, ?
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bytea[]) as e(k, f, w, p, j)
            order by k
            on conflict do nothing""";

    private final JdbcTemplate jdbc;
    private final Database database;

    InboxInsert(JdbcTemplate jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Whether {@link #insert} writes the events with one statement, which is atomic and, run outside a
     * transaction, committed on its own: then the group commit needs no BEGIN and COMMIT round trips.
     */
    boolean oneStatement() {
        return database.postgres();
    }

    /**
     * Inserts the events within the caller's transaction (when {@link #oneStatement()}, also outside one,
     * as a transaction of its own); answers for each, in the given order, whether
     * it was new (of several with one key, the first). Rows go in key order: concurrent group commits
     * then take their unique-index locks in the same order, so two of them holding the same redelivered
     * events can wait on each other but never deadlock.
     */
    boolean[] insert(List<InboxEvent> events, OffsetDateTime now) {
        if (events.isEmpty()) {
            return new boolean[0];
        }
        return database.postgres() ? unnest(events, now) : batch(events, now);
    }

    private boolean[] unnest(List<InboxEvent> events, OffsetDateTime now) {
        String[] keys = column(events, InboxEvent::idempotencyKey);
        int inserted = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UNNEST)) {
                statement.setObject(1, now);
                statement.setObject(2, now);
                // Plain String[] parameters go over the wire in binary, with no escaping.
                statement.setObject(3, keys);
                statement.setObject(4, column(events, InboxEvent::field));
                statement.setObject(5, column(events, InboxEvent::wabaId));
                statement.setObject(6, column(events, InboxEvent::phoneNumberId));
                // The payloads as Meta's bytes: no decoding into text and encoding back on the way.
                statement.setObject(7, events.stream().map(InboxEvent::json).toArray(byte[][]::new));
                int rows = statement.executeUpdate();
                // A pool configured without auto-commit would otherwise roll the rows back.
                if (!connection.getAutoCommit() && !TransactionSynchronizationManager.isActualTransactionActive()) {
                    connection.commit();
                }
                return rows;
            }
        });
        boolean[] fresh = new boolean[events.size()];
        if (inserted == events.size()) {
            // Nearly always: no redelivery among them, so nothing to tell apart.
            Arrays.fill(fresh, true);
            return fresh;
        }
        // The rows this statement wrote carry its time. (Another group commit of the same microsecond that
        // held the same redelivered event would count it as new too: a count, nothing else, is off then.)
        Set<String> written = new HashSet<>(jdbc.queryForList(
                "select idempotency_key from webhook_inbox where idempotency_key = any(?) and received_at = ?",
                String.class,
                keys,
                now));
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = written.remove(keys[i]);
        }
        return fresh;
    }

    private boolean[] batch(List<InboxEvent> events, OffsetDateTime now) {
        // Sorting is stable: of several events with one key, the first stays first and is the new one.
        Integer[] order = new Integer[events.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> events.get(i).idempotencyKey()));
        int[] counts = jdbc.batchUpdate(ROW, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement row, int i) throws SQLException {
                InboxEvent event = events.get(order[i]);
                row.setString(1, event.idempotencyKey());
                row.setString(2, event.field());
                row.setString(3, event.wabaId());
                row.setString(4, event.phoneNumberId());
                row.setString(5, event.payload());
                row.setObject(6, now);
                row.setObject(7, now);
            }

            @Override
            public int getBatchSize() {
                return events.size();
            }
        });
        boolean[] fresh = new boolean[events.size()];
        for (int i = 0; i < fresh.length; i++) {
            fresh[order[i]] = counts[i] > 0;
        }
        return fresh;
    }

    private static String[] column(List<InboxEvent> events, Function<InboxEvent, String> column) {
        String[] values = new String[events.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(events.get(i));
        }
        return values;
    }
}
