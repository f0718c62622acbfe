package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.testsupport.PostgresTestDatabase;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreId;
import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The callback outbox on PostgreSQL with two nodes (each its own connection pool) delivering at once:
 * every callback reaches the receiver once, and each message's in the order they were queued. The
 * application's own workers wait, so only the two nodes deliver. Also: a store's log is its own.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "messaging.outbox-poll=1h",
            "messaging.callbacks.poll=1h",
            "account.reconciliation-poll=1h",
            "template.sync-poll=1h"
        })
class CallbackNodesIT {

    // A database of its own: other tests' contexts, still cached and polling, would deliver some of these.
    private static final String DATABASE = PostgresTestDatabase.newDatabase();

    private static final List<String> STATUSES = List.of("sent", "delivered", "read", "played");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
    }

    @Autowired
    StoreDirectory stores;

    @Autowired
    MessageRows rows;

    @Autowired
    CallbackLog log;

    @Autowired
    CallbackEndpoints endpoints;

    @Autowired
    CallbackUrls urls;

    @Autowired
    CallbackDeliveries deliveries;

    @Autowired
    CallbackSettings settings;

    @Autowired
    MockMvc mvc;

    @Test
    void twoNodesDeliverEachCallbackOnceAndEachMessagesInOrder() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(0)) {
            StoreId store = StoreFixtures.storeWithAdmin(stores, "Loja N " + run(), "nos-" + run() + "@n.example")
                    .storeId();
            List<MessageId> messages = new ArrayList<>();
            CurrentStore.runAs(store, () -> {
                endpoints.saveUrl(urls.check(receiver.url()));
                endpoints.rotateSecret();
                for (int i = 0; i < 40; i++) {
                    MessageId id = queuedMessage();
                    messages.add(id);
                    for (String status : STATUSES) {
                        log.enqueueAll(
                                java.util.List.of(new CallbackLog.NewCallback(
                                        id, status, "{\"id\":\"%s\",\"status\":\"%s\"}".formatted(id, status))),
                                now());
                    }
                }
            });

            List<HikariDataSource> pools = List.of(pool(), pool());
            try (ExecutorService workers = Executors.newFixedThreadPool(6)) {
                List<Callable<Void>> nodes = new ArrayList<>();
                for (int worker = 0; worker < 6; worker++) {
                    HikariDataSource pool = pools.get(worker % 2);
                    CallbackOutbox outbox = new CallbackOutbox(
                            JdbcClient.create(pool),
                            new TransactionTemplate(new DataSourceTransactionManager(pool)),
                            settings,
                            Clock.systemUTC());
                    nodes.add(() -> {
                        while (CurrentStore.callAs(store, () -> pending()) > 0) {
                            for (CallbackOutbox.Due due : outbox.claim(5)) {
                                CurrentStore.runAs(due.store(), () -> deliveries.attempt(due));
                            }
                        }
                        return null;
                    });
                }
                for (Future<Void> node : workers.invokeAll(nodes)) {
                    node.get();
                }
            } finally {
                pools.forEach(HikariDataSource::close);
            }

            List<CallbackReceiver.Received> received = receiver.received();
            assertThat(received).hasSize(messages.size() * STATUSES.size());
            assertThat(received).extracting(CallbackReceiver.Received::delivery).doesNotHaveDuplicates();
            Map<String, List<String>> byMessage = new LinkedHashMap<>();
            for (CallbackReceiver.Received one : received) {
                byMessage
                        .computeIfAbsent(JsonPath.read(one.body(), "$.id"), id -> new ArrayList<>())
                        .add(JsonPath.read(one.body(), "$.status"));
            }
            assertThat(byMessage)
                    .hasSize(messages.size())
                    .allSatisfy((id, statuses) ->
                            assertThat(statuses).as("callbacks of %s", id).isEqualTo(STATUSES));
        }
    }

    @Autowired
    CallbackOutbox outbox;

    @Test
    void finishedCallbacksAreForgottenAfterTheirKeepPendingOnesNever() {
        String run = run();
        StoreId store = StoreFixtures.storeWithAdmin(stores, "Loja R " + run, "r-" + run + "@n.example")
                .storeId();
        Instant long_ago = now().minus(Duration.ofDays(31));
        List<CallbackLog.Entry> entries = CurrentStore.callAs(store, () -> {
            for (int i = 0; i < 3; i++) {
                log.enqueueAll(java.util.List.of(new CallbackLog.NewCallback(queuedMessage(), "sent", "{}")), long_ago);
            }
            log.enqueueAll(java.util.List.of(new CallbackLog.NewCallback(queuedMessage(), "sent", "{}")), now());
            return log.recent(10);
        });
        // newest first: the recent one, then three old ones of which two finished
        CurrentStore.runAs(store, () -> {
            log.delivered(entries.get(0).id(), "example.com", 200, now());
            log.delivered(entries.get(1).id(), "example.com", 200, now());
            log.gaveUp(entries.get(2).id(), "example.com", 500, null, now());
        });

        long deleted = new CallbackRetention(outbox, settings, Clock.systemUTC()).deleteExpired();

        assertThat(deleted).isEqualTo(2);
        assertThat(CurrentStore.callAs(store, () -> log.recent(10)))
                .extracting(CallbackLog.Entry::id)
                .containsExactly(entries.get(0).id(), entries.get(3).id());
    }

    @Test
    void aStoreSeesOnlyItsOwnCallbacks() throws Exception {
        String run = run();
        StoreId storeA = StoreFixtures.storeWithAdmin(stores, "Loja A " + run, "a-" + run + "@n.example")
                .storeId();
        StoreFixtures.storeWithAdmin(stores, "Loja B " + run, "b-" + run + "@n.example");
        MessageId ofA = CurrentStore.callAs(storeA, () -> {
            MessageId id = queuedMessage();
            log.enqueueAll(java.util.List.of(new CallbackLog.NewCallback(id, "sent", "{}")), now());
            return id;
        });

        String pageOfA = card(logIn("a-" + run + "@n.example"));
        String pageOfB = card(logIn("b-" + run + "@n.example"));

        assertThat(pageOfA).contains(ofA.toString());
        assertThat(pageOfB).doesNotContain(ofA.toString()).contains("Nenhum aviso ainda");
    }

    private String card(Cookie session) throws Exception {
        return mvc.perform(get(CallbacksController.PATH + "/cartao").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private Cookie logIn(String email) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password("senha-admin-123"))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }

    private long pending() {
        return log.recent(1000).stream()
                .filter(entry -> entry.state() == CallbackLog.State.PENDING)
                .count();
    }

    private MessageId queuedMessage() {
        MessageId id = MessageId.random();
        Instant at = now();
        rows.insert(TestMessages.text(id, at, DeliveryStatus.SENT, Sending.ACCEPTED));
        rows.leaveOutbox(id);
        return id;
    }

    private static Instant now() {
        return Instant.now();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
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
