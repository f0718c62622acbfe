package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;

/** The worker side: store resolution, typed events once, statuses forward only, retry and quarantine. */
@PostgresIntegrationTest
@Import(WebhookProcessingIT.Listeners.class)
@TestPropertySource(
        properties = {
            "webhook.first-retry-delay=100ms",
            "webhook.max-retry-delay=300ms",
            "webhook.max-attempts=3",
            "webhook.poll-interval=50ms",
            "webhook.support-username=suporte",
            "webhook.support-password-hash={noop}suporte-senha"
        })
class WebhookProcessingIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoreDirectory stores;

    @Autowired
    Listeners listeners;

    @Autowired
    ParkedWebhooks parkedWebhooks;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Value("${webhook.max-attempts}")
    int maxAttempts;

    MetaWebhooks meta;
    String run;
    String waba;
    String phone;
    StoreId store;

    @BeforeEach
    void aStoreWithANumber() {
        meta = new MetaWebhooks(port);
        run = MetaWebhooks.run();
        waba = "waba-" + run;
        phone = "phone-" + run;
        store = stores.create("Loja " + run, "Dona " + run, "dona-" + run + "@loja.example", "senha-123456");
        MetaWebhooks.connect(jdbc, store, waba, phone);
    }

    @Test
    void anInboundMessageIsPublishedOnceAsItsStore() {
        String wamid = "wamid.in-" + run;
        String body = MetaWebhooks.inbound(waba, phone, wamid, "Ol\\u00e1, meu pedido chegou?");
        assertThat(meta.post(body)).isEqualTo(200);
        assertThat(meta.post(body)).isEqualTo(200);

        // Meta's inbound entry has no time: the message id alone keys it, so the redelivery is one row.
        awaitDone("message:" + wamid);
        assertThat(jdbc.sql("select count(*) from webhook_inbox where payload like :id")
                        .param("id", "%" + wamid + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.inbound(wamid))
                        .singleElement()
                        .satisfies(received -> {
                            assertThat(received.store()).isEqualTo(store);
                            assertThat(received.phoneNumberId()).isEqualTo(phone);
                            assertThat(received.from()).isEqualTo("5511912345678");
                            assertThat(received.profileName()).isEqualTo("Ana Souza");
                            assertThat(received.text()).isEqualTo("Olá, meu pedido chegou?");
                        }));
    }

    @Test
    void eachStatusIsReportedOnceAsMetaSentItWhateverItsOrder() {
        String wamid = "wamid.out-" + run;
        assertThat(meta.post(MetaWebhooks.statuses(waba, phone, wamid, "delivered")))
                .isEqualTo(200);
        awaitDone("status:delivered:" + wamid);
        assertThat(meta.post(MetaWebhooks.statuses(waba, phone, wamid, "read"))).isEqualTo(200);
        awaitDone("status:read:" + wamid);
        // Meta repeats itself and reports late: the repeats are the inbox's duplicates, the late one is news.
        assertThat(meta.post(MetaWebhooks.statuses(waba, phone, wamid, "sent", "delivered", "read")))
                .isEqualTo(200);
        awaitDone("status:sent:" + wamid);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.statuses(wamid))
                        .extracting(MessageStatusReported::status)
                        .containsExactly("delivered", "read", "sent"));
    }

    @Test
    void aStatusMetaAddsTomorrowIsReportedAsItCameNotQuarantined() {
        String wamid = "wamid.new-status-" + run;
        assertThat(meta.post(MetaWebhooks.statuses(waba, phone, wamid, "held_for_review")))
                .isEqualTo(200);
        awaitDone("status:held_for_review:" + wamid);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.statuses(wamid))
                        .extracting(MessageStatusReported::status)
                        .containsExactly("held_for_review"));
    }

    @Test
    void anEventOfAnUnknownNumberIsParkedUntilItsStoreIsKnown() {
        String otherWaba = "waba-later-" + run;
        String otherPhone = "phone-later-" + run;
        String wamid = "wamid.parked-" + run;
        assertThat(meta.post(MetaWebhooks.inbound(otherWaba, otherPhone, wamid, "cheguei cedo")))
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "PARKED".equals(state("message:" + wamid)));
        assertThat(listeners.inbound(wamid)).isEmpty();

        StoreId later =
                stores.create("Loja tarde " + run, "Tarde " + run, "tarde-" + run + "@loja.example", "senha-123456");
        MetaWebhooks.connect(jdbc, later, otherWaba, otherPhone);

        awaitDone("message:" + wamid);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.inbound(wamid))
                        .singleElement()
                        .extracting(InboundMessageReceived::store)
                        .isEqualTo(later));
    }

    @Test
    void aParkedEventIsProcessedAsSoonAsItsStoreConnectsNotAtItsNextLook() {
        String otherWaba = "waba-released-" + run;
        String otherPhone = "phone-released-" + run;
        String wamid = "wamid.released-" + run;
        assertThat(meta.post(MetaWebhooks.inbound(otherWaba, otherPhone, wamid, "cheguei antes da loja")))
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "PARKED".equals(state("message:" + wamid)));
        // Parked for long already: its next look is an hour away.
        jdbc.sql("update webhook_inbox set next_attempt_at = :later where idempotency_key = :key")
                .param("later", java.time.OffsetDateTime.now().plusHours(1))
                .param("key", "message:" + wamid)
                .update();

        StoreId later =
                stores.create("Loja nova " + run, "Nova " + run, "nova-" + run + "@loja.example", "senha-123456");
        transaction.executeWithoutResult(status -> {
            MetaWebhooks.connect(jdbc, later, otherWaba, otherPhone);
            parkedWebhooks.release(otherWaba, otherPhone);
        });

        awaitDone("message:" + wamid);
        assertThat(listeners.inbound(wamid))
                .singleElement()
                .extracting(InboundMessageReceived::store)
                .isEqualTo(later);
    }

    @Test
    void aPoisonEventFailsAloneAndTheRestOfItsBatchIsProcessedOnce() {
        String poison = "wamid.poison-in-batch-" + run;
        List<String> healthy = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> "wamid.healthy-" + i + "-" + run)
                .toList();
        List<String> batch = new java.util.ArrayList<>(healthy);
        batch.add(3, poison);
        listeners.fail(poison);

        assertThat(meta.post(MetaWebhooks.inbounds(waba, phone, batch))).isEqualTo(200);

        healthy.forEach(wamid -> awaitDone("message:" + wamid));
        await().atMost(Duration.ofSeconds(20)).until(() -> "QUARANTINED".equals(state("message:" + poison)));
        assertThat(healthy)
                .allSatisfy(wamid -> assertThat(listeners.inbound(wamid)).hasSize(1));
        assertThat(listeners.inbound(poison)).isEmpty();
        // Locking a batch writes nothing, and the batch that failed counted nothing against the healthy
        // events: only the poison's own failures count, up to the quarantine.
        assertThat(healthy)
                .allSatisfy(wamid -> assertThat(attempts("message:" + wamid)).isZero());
        assertThat(attempts("message:" + poison)).isEqualTo(maxAttempts);
    }

    @Test
    void aLifecycleEventIsPublishedAsTheWabasStore() {
        assertThat(meta.post(MetaWebhooks.nameUpdate(waba, 1739321024, "REJECTED")))
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !listeners.names(waba).isEmpty());
        assertThat(listeners.names(waba)).singleElement().satisfies(reviewed -> {
            assertThat(reviewed.store()).isEqualTo(store);
            assertThat(reviewed.decision()).isEqualTo("REJECTED");
            assertThat(reviewed.at()).isEqualTo(java.time.Instant.ofEpochSecond(1739321024));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ONBOARDING", "THROUGHPUT_UPGRADE", "SOMETHING_META_ADDS_LATER"})
    void aQualityUpdateOfAnyEventIsProcessedNotQuarantined(String event) {
        long time = 1_739_321_000L + event.length();
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","time":%d,"changes":[
                 {"field":"phone_number_quality_update","value":{"display_phone_number":"5511987654321",
                  "event":"%s","max_daily_conversations_per_business":"TIER_2K"}}]}]}""".formatted(waba, time, event);

        assertThat(meta.post(body)).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select state from webhook_inbox where idempotency_key like :key")
                        .param("key", "phone_number_quality_update:" + waba + ":" + time + ":%")
                        .query(String.class)
                        .optional()
                        .filter("DONE"::equals)
                        .isPresent());
    }

    @Test
    void anUnreadableEventIsQuarantinedAtOnceWithItsReason() {
        String wamid = "wamid.bad-time-" + run;
        assertThat(meta.post(MetaWebhooks.unreadableStatus(waba, phone, wamid))).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "QUARANTINED".equals(state("status:sent:" + wamid)));
        assertThat(reason("status:sent:" + wamid)).contains("not a Unix timestamp: ontem");
    }

    @Test
    void aFailingEventIsRetriedThenQuarantinedAndSupportReplaysIt() throws Exception {
        String wamid = "wamid.poison-" + run;
        listeners.fail(wamid);
        assertThat(meta.post(MetaWebhooks.inbound(waba, phone, wamid, "veneno")))
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "QUARANTINED".equals(state("message:" + wamid)));
        assertThat(reason("message:" + wamid)).contains("failed 3 times", "downstream refused");
        assertThat(listeners.inbound(wamid)).isEmpty();
        long id = jdbc.sql("select id from webhook_inbox where idempotency_key = :key")
                .param("key", "message:" + wamid)
                .query(Long.class)
                .single();

        assertThat(support("GET", "/webhooks/admin/quarantine", null)).isEqualTo(401);
        assertThat(support("GET", "/webhooks/admin/quarantine", "suporte:errada"))
                .isEqualTo(401);
        assertThat(supportBody("/webhooks/admin/quarantine")).contains(wamid, "downstream refused");
        assertThat(supportBody("/webhooks/admin/quarantine/" + id)).contains("veneno");

        listeners.stopFailing(wamid);
        assertThat(support("POST", "/webhooks/admin/quarantine/" + id + "/replay", "suporte:suporte-senha"))
                .isEqualTo(202);
        awaitDone("message:" + wamid);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.inbound(wamid)).hasSize(1));
        assertThat(support("POST", "/webhooks/admin/quarantine/" + id + "/replay", "suporte:suporte-senha"))
                .isEqualTo(409);
    }

    private void awaitDone(String key) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(state(key)));
    }

    private int attempts(String key) {
        return jdbc.sql("select attempts from webhook_inbox where idempotency_key = :key")
                .param("key", key)
                .query(Integer.class)
                .single();
    }

    private String state(String key) {
        return jdbc.sql("select state from webhook_inbox where idempotency_key = :key")
                .param("key", key)
                .query(String.class)
                .optional()
                .orElse("absent");
    }

    private String reason(String key) {
        return jdbc.sql("select last_error from webhook_inbox where idempotency_key = :key")
                .param("key", key)
                .query(String.class)
                .single();
    }

    private int support(String method, String path, String credentials) throws Exception {
        return send(method, path, credentials).statusCode();
    }

    private String supportBody(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, "suporte:suporte-senha");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (method.equals("POST")) {
            // An API client declares JSON: that exempts its POST from the CSRF token the support page needs.
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return MetaWebhooks.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Stand-ins for the other modules: they see events after the commit, like Modulith listeners do.
     * The context proxies it (transactional listeners), so the test goes through its methods.
     */
    static class Listeners {

        final List<InboundMessageReceived> inbound = new CopyOnWriteArrayList<>();
        final List<MessageStatusReported> statuses = new CopyOnWriteArrayList<>();
        final List<DisplayNameReviewed> names = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();

        /** A downstream module that fails inside the processing transaction, for as long as told. */
        @EventListener
        void refuse(InboundMessagesReceived received) {
            for (InboundMessageReceived message : received.messages()) {
                if (failing.contains(message.messageId())) {
                    throw new IllegalStateException("downstream refused " + message.messageId());
                }
            }
        }

        @TransactionalEventListener
        void on(InboundMessagesReceived received) {
            inbound.addAll(received.messages());
        }

        @TransactionalEventListener
        void on(MessageStatusesReported reported) {
            statuses.addAll(reported.statuses());
        }

        @TransactionalEventListener
        void on(DisplayNameReviewed reviewed) {
            names.add(reviewed);
        }

        void fail(String messageId) {
            failing.add(messageId);
        }

        void stopFailing(String messageId) {
            failing.remove(messageId);
        }

        List<DisplayNameReviewed> names(String wabaId) {
            return names.stream().filter(n -> n.wabaId().equals(wabaId)).toList();
        }

        List<InboundMessageReceived> inbound(String messageId) {
            return inbound.stream().filter(m -> m.messageId().equals(messageId)).toList();
        }

        List<MessageStatusReported> statuses(String messageId) {
            return statuses.stream()
                    .filter(m -> m.messageId().equals(messageId))
                    .toList();
        }
    }
}
