package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.testsupport.PostgresTestDatabase;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on PostgreSQL with two nodes claiming at once (each its own connection pool): every message
 * goes to exactly one worker. The application's own workers wait, so only the two nodes claim.
 */
@PostgresIntegrationTest
@TestPropertySource(
        properties = {"messaging.outbox-poll=1h", "account.reconciliation-poll=1h", "template.sync-poll=1h"})
class OutboxIT {

    // A database of its own: on the run's shared one, the outbox workers of other tests' contexts (still
    // cached, still polling) take some of these messages before the two nodes do.
    private static final String DATABASE = PostgresTestDatabase.newDatabase();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
    }

    @Autowired
    StoreDirectory stores;

    @Autowired
    MessageRows rows;

    @Test
    void twoNodesClaimingTogetherNeverTakeTheSameMessage() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreId store = stores.create("Loja O " + run, "Olga", "olga-" + run + "@o.example", "senha-olga-1");
        Instant past = Instant.now().minusSeconds(60);
        List<MessageId> queued = new ArrayList<>();
        CurrentStore.runAs(store, () -> {
            for (int i = 0; i < 300; i++) {
                StoredMessage message = message(MessageId.random(), past);
                rows.insert(message);
                queued.add(message.id());
            }
        });

        Set<MessageId> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger twice = new AtomicInteger();
        List<HikariDataSource> pools = List.of(pool(), pool());
        try (ExecutorService workers = Executors.newFixedThreadPool(8)) {
            List<Callable<Void>> claimers = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                HikariDataSource pool = pools.get(worker % 2);
                TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
                Outbox outbox = new Outbox(JdbcClient.create(pool), transaction, Clock.systemUTC());
                claimers.add(() -> {
                    List<Outbox.Due> batch;
                    do {
                        batch = transaction.execute(status -> outbox.claim(7));
                        for (Outbox.Due due : batch) {
                            if (queued.contains(due.message()) && !claimed.add(due.message())) {
                                twice.incrementAndGet();
                            }
                        }
                    } while (!batch.isEmpty());
                    return null;
                });
            }
            for (Future<Void> claimer : workers.invokeAll(claimers)) {
                claimer.get();
            }
        } finally {
            pools.forEach(HikariDataSource::close);
        }

        assertThat(twice).hasValue(0);
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(queued);
    }

    @Autowired
    NumberPace pace;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aCampaignWaitsAtItsNumbersPaceSoAnotherStoresMessageIsNotBehindIt() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreId big = stores.create("Loja G " + run, "Gil", "gil-" + run + "@o.example", "senha-gil-12");
        StoreId small = stores.create("Loja S " + run, "Sol", "sol-" + run + "@o.example", "senha-sol-12");
        Instant start = Instant.parse("2026-12-04T12:00:00Z");
        List<MessageId> campaign = new ArrayList<>();
        CurrentStore.runAs(big, () -> {
            for (int i = 0; i < 300; i++) {
                // as the intake does: each message gets its number's next slot as it is queued
                StoredMessage message = message(MessageId.random(), start);
                rows.insert(message, pace.take("big-" + run, 80, 1, start).getFirst());
                campaign.add(message.id());
            }
        });
        Instant second = start.plusSeconds(1);
        MessageId notification = MessageId.random();
        CurrentStore.runAs(
                small,
                () -> rows.insert(
                        TestMessages.text(notification, second, DeliveryStatus.QUEUED, Sending.QUEUED),
                        pace.take("small-" + run, 80, 1, second).getFirst()));

        Outbox outboxOneSecondIn = new Outbox(
                JdbcClient.create(dataSource),
                new TransactionTemplate(transactions),
                Clock.fixed(second, java.time.ZoneOffset.UTC));
        List<Outbox.Due> due = outboxOneSecondIn.claim(1_000);

        // a second in, the campaign has had its 78 slots (and the next 200 ms worth are handed out early)
        assertThat(due).extracting(Outbox.Due::message).contains(notification);
        assertThat(due).filteredOn(d -> campaign.contains(d.message())).hasSizeBetween(78, 97);
    }

    private static StoredMessage message(MessageId id, Instant at) {
        return TestMessages.text(id, at, DeliveryStatus.QUEUED, Sending.QUEUED);
    }

    private static HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(DATABASE);
        pool.setUsername(PostgresTestDatabase.user());
        pool.setPassword(PostgresTestDatabase.password());
        pool.setMaximumPoolSize(4);
        return pool;
    }
}
