package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.com.testsupport.PostgresIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The messages of one portfolio that arrive together share a transaction, and still fail alone: a refusal
 * leaves the others committed, and a failure of the database runs each of the batch's pieces on its own.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class PortfolioBatchesIT {

    @Autowired
    PortfolioBatches batches;

    @Autowired
    JdbcTemplate jdbc;

    static final ProactiveLimit FIFTY = new ProactiveLimit(50, ProactiveLimit.Source.FLOOR);

    @Test
    void aPieceThatFailsFailsAloneAndWhatArrivedWithItIsCommitted() throws Exception {
        String portfolio = "business-" + UUID.randomUUID();
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CompletableFuture<Void> letTheFirstBatchGo = new CompletableFuture<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            // The first piece holds its batch open, so that the three below queue up and form the next one.
            Future<ProactiveBudget.Cost> first = callers.submit(() -> batches.run(portfolio, ledger -> {
                firstBatchRunning.countDown();
                letTheFirstBatchGo.join();
                return ledger.take(new Customer("5511911110000"), FIFTY, MessageId.random(), Instant.now());
            }));
            assertThat(firstBatchRunning.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ProactiveBudget.Cost> before = callers.submit(() -> batches.run(
                    portfolio,
                    ledger -> ledger.take(new Customer("5511911110001"), FIFTY, MessageId.random(), Instant.now())));
            Future<ProactiveBudget.Cost> broken = callers.submit(() -> batches.run(portfolio, ledger -> {
                ledger.take(new Customer("5511911110002"), FIFTY, MessageId.random(), Instant.now());
                // A statement the database refuses: the whole transaction it ran in is lost.
                jdbc.update("insert into messaging_budgets (portfolio, used) values (null, 0)");
                return ProactiveBudget.Cost.NEW_CUSTOMER;
            }));
            Future<ProactiveBudget.Cost> after = callers.submit(() -> batches.run(
                    portfolio,
                    ledger -> ledger.take(new Customer("5511911110003"), FIFTY, MessageId.random(), Instant.now())));
            await().until(() -> queued(portfolio) == 3);
            letTheFirstBatchGo.complete(null);

            assertThat(first.get()).isEqualTo(ProactiveBudget.Cost.NEW_CUSTOMER);
            assertThat(before.get()).isEqualTo(ProactiveBudget.Cost.NEW_CUSTOMER);
            assertThat(after.get()).isEqualTo(ProactiveBudget.Cost.NEW_CUSTOMER);
            assertThatThrownBy(broken::get).hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class);
        }
        assertThat(jdbc.queryForList(
                        "select customer from messaging_budget_customers where portfolio = ? order by customer",
                        String.class,
                        portfolio))
                .containsExactly("5511911110000", "5511911110001", "5511911110003");
        assertThat(jdbc.queryForObject(
                        "select used from messaging_budgets where portfolio = ?", Integer.class, portfolio))
                .isEqualTo(3);
    }

    @Test
    void aRefusalLeavesTheOthersOfItsBatchCommitted() throws Exception {
        String portfolio = "business-" + UUID.randomUUID();
        ProactiveLimit one = new ProactiveLimit(1, ProactiveLimit.Source.FLOOR);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ProactiveBudget.Cost> ana = callers.submit(() -> batches.run(
                    portfolio,
                    ledger -> ledger.take(new Customer("5511922220000"), one, MessageId.random(), Instant.now())));
            Future<ProactiveBudget.Cost> bia = callers.submit(() -> batches.run(
                    portfolio,
                    ledger -> ledger.take(new Customer("5511922220001"), one, MessageId.random(), Instant.now())));
            int granted = 0;
            int refused = 0;
            for (Future<ProactiveBudget.Cost> decision : List.of(ana, bia)) {
                try {
                    decision.get();
                    granted++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(SendProblem.LimitReached.class);
                    refused++;
                }
            }
            assertThat(granted).isEqualTo(1);
            assertThat(refused).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject(
                        "select used from messaging_budgets where portfolio = ?", Integer.class, portfolio))
                .isEqualTo(1);
    }

    /** Pieces waiting for the portfolio's next batch. */
    private int queued(String portfolio) {
        return batches.waiting(portfolio);
    }
}
