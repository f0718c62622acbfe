package br.com.leasedjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What a claim promises, run against each database the application runs on. */
abstract class LeasedJobsContract {

    static final JobTable JOBS = JobTable.of("jobs", "id", "due_at")
            .selecting("state", "attempts")
            .where("state = 'PENDING'")
            .settingOnClaim("attempts = attempts + 1");

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(2);

    record Job(long id, int attemptsBefore) {}

    private final List<HikariDataSource> pools = new ArrayList<>();
    private HikariDataSource pool;
    private JdbcClient jdbc;

    /** A new connection pool on this test's database (the same database every time it is called). */
    abstract HikariDataSource newPool();

    @BeforeEach
    void createTable() {
        pool = pool();
        jdbc = JdbcClient.create(pool);
        jdbc.sql("drop table if exists jobs").update();
        jdbc.sql("""
                        create table jobs (
                            id bigint primary key,
                            state varchar(20) not null,
                            attempts int not null default 0,
                            due_at timestamp with time zone not null)""").update();
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void claimsTheEarliestDueRowsFirstAndNoneThatAreNotDue() {
        insert(1, NOW.minusSeconds(10));
        insert(2, NOW.minusSeconds(30));
        insert(3, NOW);
        insert(4, NOW.minusSeconds(20));
        insert(5, NOW.plusSeconds(1));

        assertThat(ids(claim(jobs(pool), 2, NOW))).containsExactly(2L, 4L);
        assertThat(ids(claim(jobs(pool), 10, NOW))).containsExactly(1L, 3L);
        assertThat(claim(jobs(pool), 10, NOW)).isEmpty();
    }

    @Test
    void aClaimedRowIsNotDueAgainUntilItsLeaseRunsOut() {
        insert(1, NOW.minusSeconds(5));
        LeasedJobs firstNode = jobs(pool);
        LeasedJobs secondNode = jobs(pool());

        assertThat(ids(claim(firstNode, 10, NOW))).containsExactly(1L);
        assertThat(due(1)).isEqualTo(NOW.plus(LEASE));
        assertThat(claim(secondNode, 10, NOW.plus(LEASE).minusSeconds(1))).isEmpty();

        assertThat(claim(secondNode, 10, NOW.plus(LEASE))).containsExactly(new Job(1, 1));
    }

    @Test
    void onlyRowsMeetingTheConditionAreClaimedAndAClaimSetsWhatTheTableAsks() {
        insert(1, NOW.minusSeconds(5));
        jdbc.sql("insert into jobs (id, state, due_at) values (2, 'DONE', :due)")
                .param("due", NOW.minusSeconds(10).atOffset(ZoneOffset.UTC))
                .update();

        assertThat(claim(jobs(pool), 10, NOW)).containsExactly(new Job(1, 0));
        assertThat(attempts(1)).isEqualTo(1);
        assertThat(attempts(2)).isZero();
    }

    @Test
    void aRowAnotherTransactionHoldsIsPassedOverNotWaitedFor() throws Exception {
        insert(1, NOW.minusSeconds(30));
        insert(2, NOW.minusSeconds(20));
        insert(3, NOW.minusSeconds(10));
        LeasedJobs otherNode = jobs(pool());
        try (Connection holder = pool().getConnection();
                ExecutorService claimer = Executors.newSingleThreadExecutor()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select id from jobs where id = 1 for update");
            }
            Future<List<Job>> claimed = claimer.submit(() -> claim(otherNode, 10, NOW));
            try {
                assertThat(ids(claimed.get(10, TimeUnit.SECONDS))).containsExactly(2L, 3L);
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void aLockedRowIsTheCallersUntilItsTransactionEndsAndNothingIsWrittenToTakeIt() {
        insert(1, NOW.minusSeconds(20));
        insert(2, NOW.minusSeconds(10));
        insert(3, NOW.plusSeconds(1));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
        LeasedJobs otherNode = jobs(pool());

        transaction.executeWithoutResult(status -> {
            assertThat(ids(lock(jobs(pool), 1))).containsExactly(1L);
            // the other node passes it over while this transaction lasts (H2 also holds the rows the locking
            // query read past its limit, PostgreSQL hands the other node row 2)
            assertThat(ids(claim(otherNode, 10, NOW))).doesNotContain(1L);
            status.setRollbackOnly();
        });

        assertThat(due(1)).isEqualTo(NOW.minusSeconds(20));
        assertThat(attempts(1)).isZero();
        assertThat(ids(claim(otherNode, 10, NOW))).contains(1L);
    }

    @Test
    void lockingOutsideATransactionIsRefusedRatherThanLockingNothing() {
        insert(1, NOW.minusSeconds(20));

        assertThatThrownBy(() -> lock(jobs(pool), 10)).isInstanceOf(IllegalStateException.class);
        assertThat(ids(claim(jobs(pool), 10, NOW))).containsExactly(1L);
    }

    @Test
    void twoNodesClaimingAtOnceNeverTakeTheSameRow() throws Exception {
        int rows = 400;
        for (int id = 1; id <= rows; id++) {
            insert(id, NOW.minusSeconds(id % 17));
        }
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger twice = new AtomicInteger();
        List<LeasedJobs> nodes = List.of(jobs(pool()), jobs(pool()));
        try (ExecutorService workers = Executors.newFixedThreadPool(8)) {
            List<Callable<Void>> claimers = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                LeasedJobs node = nodes.get(worker % 2);
                claimers.add(() -> {
                    List<Job> batch;
                    int rounds = 0;
                    do {
                        batch = claim(node, 7, NOW);
                        for (Job job : batch) {
                            if (!claimed.add(job.id())) {
                                twice.incrementAndGet();
                            }
                        }
                        // bounded: a claim that leased nothing would hand out the same rows for ever
                    } while (!batch.isEmpty() && ++rounds < rows);
                    return null;
                });
            }
            for (Future<Void> claimer : workers.invokeAll(claimers)) {
                claimer.get();
            }
        }

        assertThat(twice).hasValue(0);
        assertThat(claimed).hasSize(rows);
    }

    private HikariDataSource pool() {
        HikariDataSource created = newPool();
        pools.add(created);
        return created;
    }

    private static LeasedJobs jobs(HikariDataSource pool) {
        return JOBS.on(JdbcClient.create(pool), new TransactionTemplate(new DataSourceTransactionManager(pool)));
    }

    private static List<Job> claim(LeasedJobs jobs, int limit, Instant now) {
        return jobs.claim(limit, now, LEASE, (rs, n) -> new Job(rs.getLong("id"), rs.getInt("attempts")));
    }

    private static List<Job> lock(LeasedJobs jobs, int limit) {
        return jobs.lock(limit, NOW, (rs, n) -> new Job(rs.getLong("id"), rs.getInt("attempts")));
    }

    private static List<Long> ids(List<Job> jobs) {
        return jobs.stream().map(Job::id).toList();
    }

    private void insert(long id, Instant due) {
        jdbc.sql("insert into jobs (id, state, due_at) values (:id, 'PENDING', :due)")
                .param("id", id)
                .param("due", due.atOffset(ZoneOffset.UTC))
                .update();
    }

    private Instant due(long id) {
        return jdbc.sql("select due_at from jobs where id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)
                        .toInstant()
                        .truncatedTo(ChronoUnit.MILLIS))
                .single();
    }

    private int attempts(long id) {
        return jdbc.sql("select attempts from jobs where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }
}
