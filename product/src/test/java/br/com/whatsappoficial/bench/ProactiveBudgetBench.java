package br.com.whatsappoficial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.BudgetNode;
import br.com.whatsappoficial.messaging.BudgetNode.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The proactive budget's decision on a portfolio that already counts 100,000 customers in its rolling
 * 24 h, against, as the baseline in the same run, the decision a reasonable engineer would write first:
 * count the distinct customers of the window's message history (indexed by portfolio and time, the
 * customer in the index), then record the message; and the same count written as a count of a select
 * distinct, which PostgreSQL hashes instead of sorting. Then two nodes racing for the last slots, where only
 * correctness is asserted. Run with {@code bench/run}; asserts no time.
 */
@PostgresIntegrationTest
@ExtendWith(BenchDatabase.class)
// Closed afterwards: its pool and workers would otherwise hold connections and CPU while the next benches
// measure, and bench/run once ran PostgreSQL out of connections with every bench's context open.
@DirtiesContext
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class ProactiveBudgetBench {

    static final int COUNTED = 100_000;
    static final int LIMIT = 250_000;
    static final Duration WARM_UP = Duration.ofSeconds(3);
    static final int ROUNDS = 5;
    static final Duration SLICE = Duration.ofSeconds(2);
    static final int RACES = 10_000;
    static final int LAST_SLOTS = 1_000;
    static final int RACING_CUSTOMERS = 3_000;
    static final int THREADS_PER_NODE = 4;
    /** Requests a campaign engine keeps in flight at once, each deciding one message. */
    static final int CALLERS = 16;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    BudgetNode one;
    BudgetNode two;

    @BeforeEach
    void nodes() {
        one = BudgetNode.start(THREADS_PER_NODE);
        two = BudgetNode.start(THREADS_PER_NODE);
    }

    @AfterEach
    void stopNodes() {
        one.close();
        two.close();
    }

    @Test
    void decisionsAgainstCountingTheWindowsHistory() {
        String portfolio = "bench-budget-" + UUID.randomUUID();
        seed(portfolio, Duration.ZERO);
        naiveHistory(portfolio);

        Customers warmUp = new Customers(portfolio, 1);
        timed(WARM_UP, () -> one.decide(portfolio, warmUp.next(), LIMIT, Instant.now()));
        timed(WARM_UP, () -> naive(portfolio, warmUp.next(), COUNT_DISTINCT));
        timed(WARM_UP, () -> naive(portfolio, warmUp.next(), COUNT_OF_DISTINCT));
        timed(WARM_UP, () -> lockAndCommit(portfolio));
        timedConcurrently(WARM_UP, () -> one.decideInBatch(portfolio, warmUp.next(), LIMIT, Instant.now()));

        // Slices of each, taken in turn, so that a build starting on the machine meanwhile slows all three alike.
        String loadBefore = Load.now();
        Customers budgetCustomers = new Customers(portfolio, 2);
        Customers naiveCustomers = new Customers(portfolio, 3);
        Customers hashedCustomers = new Customers(portfolio, 4);
        Rate floor = Rate.NONE;
        Rate budget = Rate.NONE;
        Rate naive = Rate.NONE;
        Rate hashed = Rate.NONE;
        Customers batchedCustomers = new Customers(portfolio, 5);
        Customers naiveConcurrentCustomers = new Customers(portfolio, 6);
        Rate batched = Rate.NONE;
        Rate naiveConcurrent = Rate.NONE;
        for (int round = 0; round < ROUNDS; round++) {
            floor = floor.plus(timed(SLICE.dividedBy(2), () -> lockAndCommit(portfolio)));
            budget = budget.plus(
                    timed(SLICE, () -> one.decide(portfolio, budgetCustomers.next(), LIMIT, Instant.now())));
            naive = naive.plus(timed(SLICE, () -> naive(portfolio, naiveCustomers.next(), COUNT_DISTINCT)));
            hashed = hashed.plus(timed(SLICE, () -> naive(portfolio, hashedCustomers.next(), COUNT_OF_DISTINCT)));
            batched = batched.plus(timedConcurrently(
                    SLICE, () -> one.decideInBatch(portfolio, batchedCustomers.next(), LIMIT, Instant.now())));
            naiveConcurrent = naiveConcurrent.plus(
                    timedConcurrently(SLICE, () -> naive(portfolio, naiveConcurrentCustomers.next(), COUNT_DISTINCT)));
        }
        String loadAfter = Load.now();

        assertThat(budget.decisions().get(Decision.LIMIT_REACHED)).isNull();
        assertThat(batched.decisions().get(Decision.LIMIT_REACHED)).isNull();
        System.out.printf(
                """

                === proactive budget benchmark (PostgreSQL, one portfolio with %,d customers counted, 1 thread, %d cores, load %s -> %s) ===
                naive: lock, count(distinct) over the 24 h history, insert : %,10.0f decisions/s   (baseline)
                ProactiveBudget.take, half new and half counted customers  : %,10.0f decisions/s   (%s)
                ratio take / naive                                         : %10.1f   (target >= 100)
                naive, count(*) of a select distinct (hash aggregate)      : %,10.0f decisions/s   (take / it: %.1f)
                floor: lock the portfolio's row and commit, nothing else   : %,10.0f decisions/s   (take reaches %.0f%% of it)
                %d callers at once, as a campaign engine's requests arrive:
                naive, each its own lock, count and commit                 : %,10.0f decisions/s   (baseline)
                PortfolioBatches: one lock and one commit per batch        : %,10.0f decisions/s   (%s)
                ratio batched / naive                                      : %10.1f   (target >= 100)
                CPU per decision (µs)          JVM      PostgreSQL
                  naive                   %8.1f        %8.1f
                  take                    %8.1f        %8.1f
                  batched, %d callers     %8.1f        %8.1f
                (one machine's figures: compare ratios, not rates)
                %n""",
                COUNTED,
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAfter,
                naive.perSecond(),
                budget.perSecond(),
                budget.decisions(),
                budget.perSecond() / naive.perSecond(),
                hashed.perSecond(),
                budget.perSecond() / hashed.perSecond(),
                floor.perSecond(),
                100 * budget.perSecond() / floor.perSecond(),
                CALLERS,
                naiveConcurrent.perSecond(),
                batched.perSecond(),
                batched.decisions(),
                batched.perSecond() / naiveConcurrent.perSecond(),
                naive.cpu().jvmNanos() / 1e3 / naive.count(),
                naive.cpu().postgresNanos() / 1e3 / naive.count(),
                budget.cpu().jvmNanos() / 1e3 / budget.count(),
                budget.cpu().postgresNanos() / 1e3 / budget.count(),
                CALLERS,
                batched.cpu().jvmNanos() / 1e3 / batched.count(),
                batched.cpu().postgresNanos() / 1e3 / batched.count());
    }

    @Test
    void twoNodesRacingForTheLastSlotsNeverGoOverTheLimit() throws Exception {
        String portfolio = "bench-race-" + UUID.randomUUID();
        // Nobody's 24 h runs out during the races, so that every count below is exact.
        seed(portfolio, Duration.ofHours(1));
        int limit = COUNTED + LAST_SLOTS;
        Map<String, AtomicInteger> newCustomerDecisions = new ConcurrentHashMap<>();
        Map<Decision, AtomicInteger> decisions = new ConcurrentHashMap<>();
        List<Callable<Void>> races = new ArrayList<>(RACES);
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < RACES; i++) {
            BudgetNode node = i % 2 == 0 ? one : two;
            // Four in five are customers nobody counted yet (3,000 for 1,000 slots, each asked ~2.7 times),
            // one in five a customer already counted.
            String customer = random.nextInt(5) == 0
                    ? counted(random.nextInt(COUNTED))
                    : fresh(portfolio, random.nextInt(RACING_CUSTOMERS));
            races.add(() -> {
                Decision decision = node.decideInBatch(portfolio, customer, limit, Instant.now());
                decisions.computeIfAbsent(decision, d -> new AtomicInteger()).incrementAndGet();
                if (decision == Decision.NEW_CUSTOMER) {
                    newCustomerDecisions
                            .computeIfAbsent(customer, c -> new AtomicInteger())
                            .incrementAndGet();
                }
                return null;
            });
        }

        String loadBefore = Load.now();
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE)) {
            for (Future<Void> race : threads.invokeAll(races)) {
                race.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String loadAfter = Load.now();

        int used = one.used(portfolio, Instant.now());
        int rows = jdbc.queryForObject(
                "select count(*) from messaging_budget_customers where portfolio = ?", Integer.class, portfolio);
        assertThat(used).isEqualTo(limit);
        assertThat(rows).isEqualTo(used);
        assertThat(newCustomerDecisions.values())
                .allSatisfy(times -> assertThat(times).hasValue(1));
        assertThat(decisions.get(Decision.NEW_CUSTOMER)).hasValue(LAST_SLOTS);
        System.out.printf(
                """

                === proactive budget races (PostgreSQL, 2 nodes x %d threads deciding in batches as their API requests do, %d cores, load %s -> %s) ===
                %,d decisions for the last %,d slots of %,d (%,d customers not yet counted, repeats, 1 in 5 already counted)
                decisions/s                                                : %,10.0f
                outcomes                                                   : %s
                used at the end                                            : %,d of %,d (never over, each customer counted once)
                (one machine's figures: compare ratios, not rates)
                %n""",
                THREADS_PER_NODE,
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAfter,
                RACES,
                LAST_SLOTS,
                limit,
                RACING_CUSTOMERS,
                RACES / seconds,
                new EnumMap<>(decisions),
                used,
                limit);
    }

    /**
     * The portfolio as 100,000 proactive messages left it: every customer counted until 24 h after their
     * message, the messages spread over the last 24 h (minus {@code margin}, so that none expires sooner).
     */
    private void seed(String portfolio, Duration margin) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into messaging_budget_customers (portfolio, customer, counted_until, held_by)
                    select ?, (5511900000000 + g)::text,
                           now() + ? * interval '1 second' + random() * (interval '24 hours' - ? * interval '1 second'),
                           gen_random_uuid()
                    from generate_series(0, ? - 1) g""", portfolio, (double) margin.toSeconds(), (double) margin.toSeconds(), COUNTED);
            jdbc.update("insert into messaging_budgets (portfolio, used) values (?, ?)", portfolio, COUNTED);
        });
        jdbc.execute("vacuum analyze messaging_budget_customers");
    }

    /** The same 100,000 messages as a history table, indexed so that the window's count is an index-only scan. */
    private void naiveHistory(String portfolio) {
        jdbc.execute("""
                create table if not exists bench_message_history (
                    portfolio varchar(80) not null, customer varchar(200) not null,
                    sent_at timestamp with time zone not null)""");
        jdbc.execute(
                "create index if not exists bench_message_history_window_idx on bench_message_history (portfolio, sent_at) include (customer)");
        jdbc.update("""
                insert into bench_message_history (portfolio, customer, sent_at)
                select portfolio, customer, counted_until - interval '24 hours'
                from messaging_budget_customers where portfolio = ?""", portfolio);
        jdbc.execute("vacuum analyze bench_message_history");
    }

    static final String COUNT_DISTINCT = """
            select count(distinct customer) from bench_message_history
            where portfolio = ? and sent_at > now() - interval '24 hours'""";

    /** The same count, which PostgreSQL answers with a hash aggregate instead of sorting. */
    static final String COUNT_OF_DISTINCT = """
            select count(*) from (select distinct customer from bench_message_history
            where portfolio = ? and sent_at > now() - interval '24 hours') customers""";

    /**
     * The decision as first written: the portfolio locked for the same exactness, the window's distinct
     * customers counted, and the message recorded unless that count is at the limit (which this benchmark
     * never reaches, so a counted customer's lookup at the limit is left out).
     */
    private Decision naive(String portfolio, String customer, String count) {
        return transaction.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, portfolio);
            int used = jdbc.queryForObject(count, Integer.class, portfolio);
            if (used >= LIMIT) {
                return Decision.LIMIT_REACHED;
            }
            jdbc.update(
                    "insert into bench_message_history (portfolio, customer, sent_at) values (?, ?, now())",
                    portfolio,
                    customer);
            return Decision.NEW_CUSTOMER;
        });
    }

    /** The least any exact decision costs: its own transaction holding the portfolio's row. */
    private Decision lockAndCommit(String portfolio) {
        return transaction.execute(status -> {
            jdbc.queryForObject(
                    "select used from messaging_budgets where portfolio = ? for update", Integer.class, portfolio);
            return Decision.ALREADY_COUNTED;
        });
    }

    /** Decisions taken in some time, what they decided and the CPU they took (this JVM, all of PostgreSQL). */
    record Rate(long count, double seconds, Map<Decision, Integer> decisions, CpuMeter.Reading cpu) {

        static final Rate NONE = new Rate(0, 0, Map.of(), new CpuMeter.Reading(0, 0, Map.of()));

        double perSecond() {
            return count / seconds;
        }

        Rate plus(Rate other) {
            Map<Decision, Integer> both = new EnumMap<>(Decision.class);
            decisions.forEach((decision, n) -> both.merge(decision, n, Integer::sum));
            other.decisions.forEach((decision, n) -> both.merge(decision, n, Integer::sum));
            CpuMeter.Reading cpuBoth = new CpuMeter.Reading(
                    cpu.jvmNanos() + other.cpu.jvmNanos(),
                    cpu.postgresNanos() < 0 || other.cpu.postgresNanos() < 0
                            ? -1
                            : cpu.postgresNanos() + other.cpu.postgresNanos(),
                    Map.of());
            return new Rate(count + other.count, seconds + other.seconds, both, cpuBoth);
        }
    }

    private static Rate timed(Duration duration, java.util.function.Supplier<Decision> decision) {
        Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
        CpuMeter.Reading cpuStart = CpuMeter.read();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        long count = 0;
        long now;
        do {
            decisions.merge(decision.get(), 1, Integer::sum);
            count++;
            now = System.nanoTime();
        } while (now < end);
        return new Rate(count, (now - started) / 1e9, decisions, CpuMeter.read().minus(cpuStart));
    }

    /** {@link #CALLERS} threads deciding in a loop for the same time, counted together. */
    private static Rate timedConcurrently(Duration duration, java.util.function.Supplier<Decision> decision) {
        Map<Decision, Integer> decisions = new ConcurrentHashMap<>();
        AtomicInteger count = new AtomicInteger();
        CpuMeter.Reading cpuStart = CpuMeter.read();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        try (ExecutorService callers = Executors.newFixedThreadPool(CALLERS)) {
            for (int i = 0; i < CALLERS; i++) {
                callers.submit(() -> {
                    while (System.nanoTime() < end) {
                        decisions.merge(decision.get(), 1, Integer::sum);
                        count.incrementAndGet();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<Decision, Integer> byDecision = new EnumMap<>(Decision.class);
        byDecision.putAll(decisions);
        return new Rate(count.get(), seconds, byDecision, CpuMeter.read().minus(cpuStart));
    }

    /** Half customers already counted (at random), half customers never seen before. */
    private static final class Customers {
        private final String portfolio;
        private final SplittableRandom random;
        private int fresh;

        Customers(String portfolio, long seed) {
            this.portfolio = portfolio;
            this.random = new SplittableRandom(seed);
            this.fresh = (int) seed * 10_000_000;
        }

        synchronized String next() {
            return random.nextBoolean() ? counted(random.nextInt(COUNTED)) : fresh(portfolio, fresh++);
        }
    }

    private static String counted(int i) {
        return String.valueOf(5511900000000L + i);
    }

    private static String fresh(String portfolio, int i) {
        return "5521" + String.format("%09d", i) + "-" + portfolio.hashCode();
    }
}
