package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.CrossStore;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The unique customers each Meta business portfolio reached proactively in the rolling 24 h. A decision
 * locks the portfolio's one counter row, so two nodes racing for the last slot never both get it, and
 * never counts the window's history: it forgets only the customers whose 24 h ran out (an index range)
 * and reads the one customer it decides about.
 *
 * <p>A customer counts until 24 h after the last proactive message to them, as Meta's rolling window
 * does; a slot is given back when the message that took it fails before Meta accepted it.
 */
@Component
@CrossStore("Meta's limit belongs to the business portfolio, whose WABAs may belong to more than one store")
class ProactiveBudget {

    static final Duration WINDOW = Duration.ofHours(24);
    private static final int CHUNK = 500;

    /** What a proactive message costs: a new slot, or nothing because the customer is already counted. */
    enum Cost {
        NEW_CUSTOMER,
        ALREADY_COUNTED
    }

    /**
     * The portfolio's budget now.
     *
     * @param nextReleaseAt when the earliest counted customer stops counting; null when none is counted
     */
    record Usage(int used, @Nullable Instant nextReleaseAt) {}

    private final JdbcClient jdbc;

    ProactiveBudget(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes a slot for the customer, or renews theirs; throws {@link SendProblem.LimitReached} when the
     * portfolio has none left. Runs in the caller's transaction, which holds the portfolio's lock until
     * the message is queued.
     */
    Cost take(String portfolio, Customer customer, ProactiveLimit limit, MessageId message, Instant now) {
        Ledger ledger = open(portfolio, now);
        try {
            return ledger.take(customer, limit, message, now);
        } finally {
            ledger.close();
        }
    }

    /**
     * Locks the portfolio's counter for the rest of the caller's transaction, so that several decisions
     * share one lock and one commit; {@link Ledger#close} writes the count back before that commit.
     */
    Ledger open(String portfolio, Instant now) {
        return new Ledger(portfolio, lockAndForgetExpired(portfolio, now));
    }

    /** A portfolio's budget while its transaction holds the lock: decisions in turn, one write at the end. */
    @CrossStore("a portfolio's budget, as ProactiveBudget's")
    final class Ledger {

        private final String portfolio;
        private BudgetCounter counter;

        private Ledger(String portfolio, BudgetCounter counter) {
            this.portfolio = portfolio;
            this.counter = counter;
        }

        /** See {@link ProactiveBudget#take}; writes only the customer's row. */
        Cost take(Customer customer, ProactiveLimit limit, MessageId message, Instant now) {
            OffsetDateTime until = utc(now.plus(WINDOW));
            // With room left, one insert decides a new customer (a campaign's usual case) and finds a counted one.
            if ((limit.unlimited() || counter.used() < limit.customers())
                    && jdbc.sql("""
                                            insert into messaging_budget_customers (portfolio, customer, counted_until, held_by)
                                            values (:portfolio, :customer, :until, :message) on conflict do nothing""")
                                    .param("portfolio", portfolio)
                                    .param("customer", customer.key())
                                    .param("until", until)
                                    .param("message", message.value())
                                    .update()
                            == 1) {
                counter = counter.withNewCustomer(until.toInstant());
                return Cost.NEW_CUSTOMER;
            }
            int renewed = jdbc.sql("""
                            update messaging_budget_customers set counted_until = :until
                            where portfolio = :portfolio and customer = :customer""")
                    .param("until", until)
                    .param("portfolio", portfolio)
                    .param("customer", customer.key())
                    .update();
            if (renewed == 0) {
                throw new SendProblem.LimitReached(
                        limit.customers(), nextRelease(portfolio).orElse(now.plus(WINDOW)));
            }
            return Cost.ALREADY_COUNTED;
        }

        /** Writes the count the decisions left, inside the transaction that still holds the lock. */
        void close() {
            save(portfolio, counter);
        }
    }

    /**
     * The message failed before Meta accepted it: its customer's slot goes back to the budget, unless
     * another message to that customer is still on its way, which then holds it.
     */
    void release(String portfolio, Customer customer, MessageId failed, Instant now) {
        BudgetCounter counter = lockAndForgetExpired(portfolio, now);
        Optional<UUID> holder = jdbc.sql("""
                        select held_by from messaging_budget_customers
                        where portfolio = :portfolio and customer = :customer""")
                .param("portfolio", portfolio)
                .param("customer", customer.key())
                .query(UUID.class)
                .optional();
        if (holder.isEmpty() || !holder.get().equals(failed.value())) {
            save(portfolio, counter);
            return;
        }
        Optional<UUID> successor = jdbc.sql("""
                        select message_id from messaging_messages
                        where portfolio = :portfolio and customer = :customer and message_id <> :failed
                          and sending <> 'REFUSED' and status <> 'failed'
                        order by created_at limit 1""")
                .param("portfolio", portfolio)
                .param("customer", customer.key())
                .param("failed", failed.value())
                .query(UUID.class)
                .optional();
        if (successor.isPresent()) {
            jdbc.sql(
                            "update messaging_budget_customers set held_by = :next where portfolio = :portfolio and customer = :customer")
                    .param("next", successor.get())
                    .param("portfolio", portfolio)
                    .param("customer", customer.key())
                    .update();
            jdbc.sql("update messaging_messages set counts_against_limit = true where message_id = :next")
                    .param("next", successor.get())
                    .update();
            save(portfolio, counter);
            return;
        }
        jdbc.sql("delete from messaging_budget_customers where portfolio = :portfolio and customer = :customer")
                .param("portfolio", portfolio)
                .param("customer", customer.key())
                .update();
        save(portfolio, counter.withoutOne());
    }

    /** The budget as of now, without locking: what the limits resource and dry runs show. */
    Usage usage(String portfolio, Instant now) {
        int stored = jdbc.sql("select used from messaging_budgets where portfolio = :portfolio")
                .param("portfolio", portfolio)
                .query(Integer.class)
                .optional()
                .orElse(0);
        int expired = jdbc.sql("""
                        select count(*) from messaging_budget_customers
                        where portfolio = :portfolio and counted_until <= :now""")
                .param("portfolio", portfolio)
                .param("now", utc(now))
                .query(Integer.class)
                .single();
        Instant next = jdbc
                .sql("""
                        select min(counted_until) from messaging_budget_customers
                        where portfolio = :portfolio and counted_until > :now""")
                .param("portfolio", portfolio)
                .param("now", utc(now))
                .query(OffsetDateTime.class)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .map(OffsetDateTime::toInstant)
                .findFirst()
                .orElse(null);
        return new Usage(Math.max(0, stored - expired), next);
    }

    /** Which of these customers are counted now (sending to them again costs nothing). */
    Set<Customer> counted(String portfolio, Collection<Customer> customers, Instant now) {
        Set<Customer> counted = new HashSet<>();
        List<String> keys = customers.stream().map(Customer::key).distinct().toList();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = new ArrayList<>(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
            jdbc.sql("""
                            select customer from messaging_budget_customers
                            where portfolio = :portfolio and counted_until > :now and customer in (:customers)""")
                    .param("portfolio", portfolio)
                    .param("now", utc(now))
                    .param("customers", chunk)
                    .query(String.class)
                    .list()
                    .forEach(key -> counted.add(new Customer(key)));
        }
        return counted;
    }

    /**
     * Locks the portfolio's counter row (created on its first decision) and forgets the customers whose
     * 24 h ran out, if any can have. Each statement is a round trip inside the lock: the usual decision makes
     * one here, the lock, and the delete runs only once the earliest counted customer's time has come.
     */
    private BudgetCounter lockAndForgetExpired(String portfolio, Instant now) {
        Optional<BudgetCounter> locked = lock(portfolio);
        if (locked.isEmpty()) {
            jdbc.sql("insert into messaging_budgets (portfolio, used) values (:portfolio, 0) on conflict do nothing")
                    .param("portfolio", portfolio)
                    .update();
            locked = lock(portfolio);
        }
        BudgetCounter counter = locked.orElseThrow();
        if (counter.nextExpiry() != null && counter.nextExpiry().isAfter(now)) {
            return counter;
        }
        int expired = jdbc.sql("""
                        delete from messaging_budget_customers
                        where portfolio = :portfolio and counted_until <= :now""")
                .param("portfolio", portfolio)
                .param("now", utc(now))
                .update();
        return counter.forgetting(expired, nextRelease(portfolio).orElse(null));
    }

    private Optional<BudgetCounter> lock(String portfolio) {
        return jdbc.sql("select used, next_expiry from messaging_budgets where portfolio = :portfolio for update")
                .param("portfolio", portfolio)
                .query((row, n) -> {
                    OffsetDateTime next = row.getObject(2, OffsetDateTime.class);
                    int used = row.getInt(1);
                    Instant nextExpiry = next == null ? null : next.toInstant();
                    return new BudgetCounter(used, nextExpiry, used, nextExpiry);
                })
                .optional();
    }

    /** Writes the portfolio's count and next expiry, unless the decision left both as stored. */
    private void save(String portfolio, BudgetCounter counter) {
        if (!counter.changed()) {
            return;
        }
        jdbc.sql("update messaging_budgets set used = :used, next_expiry = :next where portfolio = :portfolio")
                .param("used", counter.used())
                .param("next", counter.nextExpiry() == null ? null : utc(counter.nextExpiry()))
                .param("portfolio", portfolio)
                .update();
    }

    private Optional<Instant> nextRelease(String portfolio) {
        return jdbc
                .sql("select min(counted_until) from messaging_budget_customers where portfolio = :portfolio")
                .param("portfolio", portfolio)
                .query(OffsetDateTime.class)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .map(OffsetDateTime::toInstant)
                .findFirst();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
