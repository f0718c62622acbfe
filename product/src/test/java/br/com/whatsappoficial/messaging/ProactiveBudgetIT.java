package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The proactive budget on PostgreSQL, decided by two nodes at once (each with its own connection pool, as
 * two application instances on one database): never one customer over the limit, a customer raced for by
 * both counted once, slots forgotten 24 h after the last message and given back on a failure.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class ProactiveBudgetIT {

    @Autowired
    StoreDirectory stores;

    @Autowired
    MessageRows rows;

    @Autowired
    TransactionTemplate transaction;

    static final ProactiveLimit FIFTY = new ProactiveLimit(50, ProactiveLimit.Source.FLOOR);

    BudgetNode one;
    BudgetNode two;
    String portfolio;
    Instant now = Instant.parse("2026-12-03T12:00:00Z");

    @BeforeEach
    void twoNodesOnOneDatabase() {
        one = BudgetNode.start(8, Clock.fixed(now, ZoneOffset.UTC));
        two = BudgetNode.start(8, Clock.fixed(now, ZoneOffset.UTC));
        portfolio = "business-" + UUID.randomUUID();
    }

    @AfterEach
    void stopNodes() {
        one.close();
        two.close();
    }

    /** How a node decides: each decision its own transaction, or in its portfolio's batch. */
    @FunctionalInterface
    interface Decider {
        ProactiveBudget.Cost take(BudgetNode node, Customer customer);
    }

    @Test
    void twoNodesRacingForTheLastSlotsNeverGoOverTheLimit() throws Exception {
        raceForFiftySlots((node, customer) -> node.take(portfolio, customer, FIFTY, now));
    }

    @Test
    void twoNodesRacingInBatchesNeverGoOverTheLimit() throws Exception {
        raceForFiftySlots((node, customer) -> node.takeInBatch(portfolio, customer, FIFTY, now));
    }

    @Test
    void aCustomerRacedForByBothNodesIsCountedOnce() throws Exception {
        raceForOneCustomer((node, customer) -> node.take(portfolio, customer, FIFTY, now));
    }

    @Test
    void aCustomerRacedForInBatchesIsCountedOnce() throws Exception {
        raceForOneCustomer((node, customer) -> node.takeInBatch(portfolio, customer, FIFTY, now));
    }

    private void raceForFiftySlots(Decider decider) throws Exception {
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Callable<Void>> races = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BudgetNode node = i % 2 == 0 ? one : two;
            Customer customer = new Customer("55119" + (80000000 + i));
            races.add(() -> {
                try {
                    decider.take(node, customer);
                    granted.incrementAndGet();
                } catch (SendProblem.LimitReached limitReached) {
                    refused.incrementAndGet();
                }
                return null;
            });
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (Future<Void> race : threads.invokeAll(races)) {
                race.get();
            }
        }

        assertThat(granted).hasValue(50);
        assertThat(refused).hasValue(150);
        assertThat(one.budget().usage(portfolio, now).used()).isEqualTo(50);
    }

    private void raceForOneCustomer(Decider decider) throws Exception {
        Customer customer = new Customer("5511987650000");
        List<Callable<ProactiveBudget.Cost>> races = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BudgetNode node = i % 2 == 0 ? one : two;
            races.add(() -> decider.take(node, customer));
        }
        List<ProactiveBudget.Cost> costs = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<ProactiveBudget.Cost> race : threads.invokeAll(races)) {
                costs.add(race.get());
            }
        }

        assertThat(costs).containsOnlyOnce(ProactiveBudget.Cost.NEW_CUSTOMER);
        assertThat(one.budget().usage(portfolio, now).used()).isEqualTo(1);
    }

    @Test
    void aCustomerCountsUntilADayAfterTheLastProactiveMessage() {
        ProactiveLimit one = new ProactiveLimit(1, ProactiveLimit.Source.FLOOR);
        Customer ana = new Customer("5511911111111");
        Customer bia = new Customer("5511922222222");
        this.one.take(portfolio, ana, one, now);
        this.one.take(portfolio, ana, one, now.plus(Duration.ofHours(20)));

        assertThatThrownBy(() -> this.one.take(portfolio, bia, one, now.plus(Duration.ofHours(25))))
                .isInstanceOfSatisfying(
                        SendProblem.LimitReached.class,
                        refused -> assertThat(refused.properties().get("retryAfter"))
                                .isEqualTo(now.plus(Duration.ofHours(44)).toString()));
        assertThat(this.one
                        .budget()
                        .usage(portfolio, now.plus(Duration.ofHours(43)))
                        .nextReleaseAt())
                .isEqualTo(now.plus(Duration.ofHours(44)));

        assertThat(this.one.take(portfolio, bia, one, now.plus(Duration.ofHours(44))))
                .isEqualTo(ProactiveBudget.Cost.NEW_CUSTOMER);
        assertThat(this.one
                        .budget()
                        .usage(portfolio, now.plus(Duration.ofHours(44)))
                        .used())
                .isEqualTo(1);
    }

    @Test
    void aFailureBeforeMetaAcceptsGivesTheSlotBack() {
        Customer ana = new Customer("5511933333333");
        MessageId message = MessageId.random();
        one.transaction().executeWithoutResult(status -> one.budget().take(portfolio, ana, FIFTY, message, now));
        assertThat(one.budget().usage(portfolio, now).used()).isEqualTo(1);

        one.transaction().executeWithoutResult(status -> one.budget().release(portfolio, ana, message, now));

        assertThat(one.budget().usage(portfolio, now).used()).isZero();
        assertThat(one.budget().counted(portfolio, List.of(ana), now)).isEmpty();
    }

    @Test
    void aFailedHolderHandsItsSlotToAnotherMessageToTheSameCustomerStillOnItsWay() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreId store = stores.create("Loja P " + run, "Paula", "paula-" + run + "@p.example", "senha-paula-1");
        Customer bia = new Customer("5511944444444");
        StoredMessage first = message(bia);
        StoredMessage second = message(bia);
        // Out of every worker's reach (other cached contexts poll this database too): only the test moves them.
        // One transaction, so that no worker sees them in the outbox between their insert and their removal.
        transaction.executeWithoutResult(status -> CurrentStore.runAs(store, () -> {
            rows.insert(first);
            rows.insert(second);
            rows.leaveOutbox(first.id());
            rows.leaveOutbox(second.id());
        }));
        one.transaction().executeWithoutResult(status -> one.budget().take(portfolio, bia, FIFTY, first.id(), now));
        one.transaction().executeWithoutResult(status -> one.budget().take(portfolio, bia, FIFTY, second.id(), now));

        refuse(store, first);
        one.transaction().executeWithoutResult(status -> one.budget().release(portfolio, bia, first.id(), now));

        assertThat(one.budget().usage(portfolio, now).used())
                .as("the second message holds it")
                .isEqualTo(1);
        assertThat(CurrentStore.callAs(
                        store, () -> rows.find(second.id()).orElseThrow().countsAgainstLimit()))
                .isTrue();

        refuse(store, second);
        one.transaction().executeWithoutResult(status -> one.budget().release(portfolio, bia, second.id(), now));

        assertThat(one.budget().usage(portfolio, now).used()).isZero();
    }

    /** What the dispatch does when Meta refuses a message: settled as refused and failed. */
    private void refuse(StoreId store, StoredMessage message) {
        CurrentStore.runAs(store, () -> {
            rows.settle(message.id(), Sending.REFUSED, now);
            rows.updateStatus(message.id(), DeliveryStatus.FAILED, null, null, now);
        });
    }

    private StoredMessage message(Customer customer) {
        return new StoredMessage(
                MessageId.random(),
                "phone-p",
                "waba-p",
                portfolio,
                customer,
                "+" + customer.key(),
                "+" + customer.key(),
                null,
                null,
                new MessageContent.Text("Oi", false),
                null,
                null,
                false,
                DeliveryStatus.QUEUED,
                Sending.QUEUED,
                null,
                0,
                null,
                null,
                now,
                now);
    }
}
