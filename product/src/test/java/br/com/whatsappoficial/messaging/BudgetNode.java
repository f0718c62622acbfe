package br.com.whatsappoficial.messaging;

import br.com.testsupport.PostgresTestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One application node's proactive budget on a connection pool of its own, as two instances on one
 * database are: for the budget's tests, and for benchmarks in other packages, which decide through
 * {@link #decide} without seeing the messaging module's types.
 */
public final class BudgetNode implements AutoCloseable {

    /** What one decision did. */
    public enum Decision {
        NEW_CUSTOMER,
        ALREADY_COUNTED,
        LIMIT_REACHED
    }

    private final HikariDataSource pool;
    private final ProactiveBudget budget;
    private final TransactionTemplate transaction;
    private final PortfolioBatches batches;

    private BudgetNode(HikariDataSource pool, Clock clock) {
        this.pool = pool;
        this.budget = new ProactiveBudget(JdbcClient.create(pool));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(pool);
        this.transaction = new TransactionTemplate(transactions);
        this.batches = new PortfolioBatches(budget, transactions, clock);
    }

    /** A node on the test run's database with a pool of {@code connections}. */
    public static BudgetNode start(int connections) {
        return start(connections, Clock.systemUTC());
    }

    /** A node whose batches see the time of {@code clock}, for tests that decide at a time of their own. */
    public static BudgetNode start(int connections, Clock clock) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(PostgresTestDatabase.jdbcUrl());
        pool.setUsername(PostgresTestDatabase.user());
        pool.setPassword(PostgresTestDatabase.password());
        pool.setMaximumPoolSize(connections);
        return new BudgetNode(pool, clock);
    }

    /** One decision in its own transaction, as {@link MessageIntake} takes it for a proactive message. */
    public Decision decide(String portfolio, String customer, int limit, Instant now) {
        try {
            return take(portfolio, new Customer(customer), new ProactiveLimit(limit, ProactiveLimit.Source.META), now)
                            == ProactiveBudget.Cost.NEW_CUSTOMER
                    ? Decision.NEW_CUSTOMER
                    : Decision.ALREADY_COUNTED;
        } catch (SendProblem.LimitReached limitReached) {
            return Decision.LIMIT_REACHED;
        }
    }

    /**
     * One decision as concurrent API requests take theirs: in the portfolio's next batch, sharing its lock
     * and commit with the decisions that arrive together ({@link PortfolioBatches}).
     */
    public Decision decideInBatch(String portfolio, String customer, int limit, Instant now) {
        try {
            return takeInBatch(
                                    portfolio,
                                    new Customer(customer),
                                    new ProactiveLimit(limit, ProactiveLimit.Source.META),
                                    now)
                            == ProactiveBudget.Cost.NEW_CUSTOMER
                    ? Decision.NEW_CUSTOMER
                    : Decision.ALREADY_COUNTED;
        } catch (SendProblem.LimitReached limitReached) {
            return Decision.LIMIT_REACHED;
        }
    }

    ProactiveBudget.Cost takeInBatch(String portfolio, Customer customer, ProactiveLimit limit, Instant now) {
        return batches.run(portfolio, ledger -> ledger.take(customer, limit, MessageId.random(), now));
    }

    /** How many customers the portfolio has counted now. */
    public int used(String portfolio, Instant now) {
        return budget.usage(portfolio, now).used();
    }

    ProactiveBudget.Cost take(String portfolio, Customer customer, ProactiveLimit limit, Instant now) {
        return transaction.execute(status -> budget.take(portfolio, customer, limit, MessageId.random(), now));
    }

    ProactiveBudget budget() {
        return budget;
    }

    TransactionTemplate transaction() {
        return transaction;
    }

    @Override
    public void close() {
        pool.close();
    }
}
