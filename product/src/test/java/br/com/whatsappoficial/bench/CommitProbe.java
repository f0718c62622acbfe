package br.com.whatsappoficial.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's own commit latency while a benchmark runs: one single-row insert, committed on its own,
 * every 10 ms from a thread of its own. An acknowledgement waits for a commit, so its tail can be no
 * better than this one's; when the machine's disk stalls a WAL flush for a few hundred milliseconds,
 * this shows it, and the acknowledgement figure next to it can be read for what it is.
 */
final class CommitProbe {

    private static final Duration EVERY = Duration.ofMillis(10);

    private final JdbcTemplate jdbc;
    private final Histogram micros = new Histogram(60_000_000L, 3);
    private final Thread thread;
    private volatile boolean running = true;

    private CommitProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("create table if not exists bench_commit_probe (at timestamp with time zone not null)");
        this.thread = Thread.ofPlatform().name("bench-commit-probe").daemon().start(this::probe);
    }

    static CommitProbe start(JdbcTemplate jdbc) {
        return new CommitProbe(jdbc);
    }

    private void probe() {
        while (running) {
            long started = System.nanoTime();
            jdbc.update("insert into bench_commit_probe (at) values (?)", OffsetDateTime.now());
            micros.recordValue((System.nanoTime() - started) / 1_000);
            try {
                TimeUnit.NANOSECONDS.sleep(EVERY.toNanos());
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    /** Stops probing; answers the commit latencies seen, in microseconds. */
    Histogram stop() throws InterruptedException {
        running = false;
        thread.join();
        return micros;
    }
}
