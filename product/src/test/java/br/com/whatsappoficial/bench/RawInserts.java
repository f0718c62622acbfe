package br.com.whatsappoficial.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The baseline of the webhook benchmarks: what the database takes at best for the inbox's rows, as
 * multi-row {@code INSERT ... ON CONFLICT DO NOTHING} statements of {@value #ROWS_PER_STATEMENT} rows
 * from {@value #CLIENTS} clients (pgbench's way), into a copy of the inbox table with its indexes, with
 * the product's own payloads.
 */
final class RawInserts {

    static final int ROWS_PER_STATEMENT = 50;
    static final int CLIENTS = 4;

    private final JdbcTemplate jdbc;
    private final List<String> payloads;
    private final String sql;

    RawInserts(JdbcTemplate jdbc, List<String> payloads) {
        this.jdbc = jdbc;
        this.payloads = payloads;
        StringBuilder sql = new StringBuilder("insert into bench_raw_inbox (idempotency_key, field, waba_id,"
                + " phone_number_id, payload, state, attempts, received_at, next_attempt_at) values ");
        for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(?, 'messages', '524126980791429', '106540352242922', ?," + " 'PENDING', 0, ?, ?)");
        }
        this.sql = sql.append(" on conflict do nothing").toString();
        jdbc.execute("create table if not exists bench_raw_inbox (like webhook_inbox including all)");
        jdbc.execute("truncate bench_raw_inbox");
    }

    /** Writes for {@code duration} without counting: the statements get planned, the table warm. */
    void warmUp(Duration duration) throws InterruptedException {
        run(duration);
    }

    /** Rows written in {@code duration} by the clients together. */
    long run(Duration duration) throws InterruptedException {
        AtomicLong rows = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    int next = ThreadLocalRandom.current().nextInt(payloads.size());
                    while (System.nanoTime() < end) {
                        OffsetDateTime now = OffsetDateTime.now();
                        List<Object> values = new ArrayList<>(ROWS_PER_STATEMENT * 4);
                        for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
                            values.add("status:delivered:wamid.raw"
                                    + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
                            values.add(payloads.get(next++ % payloads.size()));
                            values.add(now);
                            values.add(now);
                        }
                        rows.addAndGet(jdbc.update(sql, values.toArray()));
                    }
                    return null;
                });
            }
        }
        return rows.get();
    }
}
