package br.com.whatsappoficial.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Keeps the benchmark's PostgreSQL where production's would be.
 *
 * <p>This machine's PostgreSQL runs without autovacuum, so nothing ever analyzes or vacuums a table. A
 * statement planned while its table was nearly empty (a sequential scan is the cheapest plan of a page or
 * two) kept that plan on its connection for good, and by the end of a benchmark such a scan read tens of
 * thousands of rows per call (2.3 ms per event for the inbox's "done" mark); analyzing once instead left
 * statistics that went stale as a phase went on (the sandbox's webhook claim walked every pending
 * delivery: 4.9 ms a claim). {@link #autovacuum} does what production's autovacuum does, with its
 * default thresholds and naptime.
 */
final class BenchDatabase implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace AUTOVACUUM = ExtensionContext.Namespace.create(BenchDatabase.class);

    /** How often the tables' counters are looked at: autovacuum's default naptime. */
    private static final long NAPTIME_MILLIS = 60_000;

    /** Runs {@link #autovacuum} around each test of a benchmark: {@code @ExtendWith(BenchDatabase.class)}. */
    BenchDatabase() {}

    @Override
    public void beforeEach(ExtensionContext context) {
        JdbcTemplate jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
        context.getStore(AUTOVACUUM).put(AutoCloseable.class, autovacuum(jdbc));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        AutoCloseable running = context.getStore(AUTOVACUUM).remove(AutoCloseable.class, AutoCloseable.class);
        if (running != null) {
            running.close();
        }
    }

    /**
     * Before a measured phase: the JVM collects what earlier phases left (which would otherwise be collected
     * during this one, on the product's CPU), then the database checkpoints: the first change of a page
     * after a checkpoint writes the whole page to the WAL, and whether one of the checkpoints PostgreSQL
     * starts on its own fell inside a phase moved a baseline by up to a quarter.
     */
    static void settle(JdbcTemplate jdbc) {
        System.gc();
        jdbc.execute("checkpoint");
    }

    /**
     * Vacuums a table once its dead rows pass 50 plus a fifth of its rows (or the rows inserted since its
     * last vacuum 1,000 plus a fifth), and analyzes it once the rows changed since its last analyze pass 50
     * plus a tenth (autovacuum's default thresholds), until closed.
     * Its cost falls on the phases, as production's autovacuum's does.
     */
    static AutoCloseable autovacuum(JdbcTemplate jdbc) {
        if (!Boolean.parseBoolean(System.getProperty("bench.autovacuum", "true"))) {
            // -Dbench.autovacuum=false: the machine's database as it is, to compare
            return () -> {};
        }
        Thread worker = Thread.ofPlatform().daemon().name("bench-autovacuum").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    TimeUnit.MILLISECONDS.sleep(NAPTIME_MILLIS);
                    for (String command : due(jdbc)) {
                        try {
                            jdbc.execute(command);
                        } catch (DataAccessException tableGone) {
                            // dropped meanwhile: the others still get theirs
                        }
                    }
                } catch (InterruptedException closing) {
                    return;
                } catch (DataAccessException databaseGone) {
                    // the database going away at the end of the run: look again next time
                }
            }
        });
        return () -> {
            worker.interrupt();
            worker.join();
        };
    }

    private static List<String> due(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                select case when s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
                              or s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0)
                            then 'vacuum analyze ' else 'analyze ' end || quote_ident(s.schemaname) || '.' || quote_ident(s.relname)
                from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                where s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
                   or s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0)
                   or s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)""", String.class);
    }
}
