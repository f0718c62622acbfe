package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.CurrentStore;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Status callbacks end to end on PostgreSQL: the engine sends through a store connected in the sandbox,
 * Meta's statuses come as the sandbox's webhooks, and a receiver on 127.0.0.1 gets each status once, in
 * order, signed with the store's secret.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@Import(SendingStores.class)
@TestPropertySource(
        properties = {
            "messaging.outbox-poll=100ms",
            "messaging.callbacks.poll=100ms",
            "messaging.callbacks.first-retry=100ms",
            "account.reconciliation-poll=1h",
            "template.sync-poll=1h"
        })
class StatusCallbacksIT {

    static final String GREETING = "Olá {{1}}, seu pedido {{2}} saiu para entrega.";

    @Autowired
    MockMvc mvc;

    @Autowired
    SendingStores stores;

    @Autowired
    CallbackEndpoints endpoints;

    @Autowired
    CallbackUrls urls;

    @Autowired
    CallbackLog log;

    @Autowired
    br.com.metasandbox.SandboxMeta sandbox;

    Shop shop;

    @BeforeEach
    void aConnectedStoreWithAnApprovedTemplate() {
        shop = stores.connected("avisos");
        stores.approvedTemplate(shop, "pedido_enviado", GREETING, Map.of("1", "Ana", "2", "123"));
    }

    @Test
    void theReceiverHearsEveryStatusOnceInOrderWhileMetaReportsThemOutOfOrder() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(0)) {
            CallbackSecret secret = CurrentStore.callAs(shop.store(), () -> {
                endpoints.saveUrl(urls.check(receiver.url()));
                return endpoints.rotateSecret();
            });
            // The sandbox reports this customer's statuses as read, then delivered, then sent.
            String id = id(send(customerEndingIn("8111"), null));

            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() >= 3);
            Awaitility.await()
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().size() == 3);

            List<CallbackReceiver.Received> received = receiver.received();
            assertThat(received).extracting(r -> statusOf(r.body())).containsExactly("sent", "delivered", "read");
            assertThat(received).extracting(r -> messageId(r.body())).containsOnly(id);
            assertThat(received)
                    .allSatisfy(r -> assertThat(r.signedWith(secret))
                            .as("signature of %s", r.body())
                            .isTrue());
            assertThat(received).extracting(CallbackReceiver.Received::delivery).doesNotHaveDuplicates();
            assertThat(CurrentStore.callAs(shop.store(), () -> log.recent(10)))
                    .extracting(CallbackLog.Entry::status, CallbackLog.Entry::state, CallbackLog.Entry::urlHost)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("read", CallbackLog.State.DELIVERED, "127.0.0.1"),
                            org.assertj.core.groups.Tuple.tuple("delivered", CallbackLog.State.DELIVERED, "127.0.0.1"),
                            org.assertj.core.groups.Tuple.tuple("sent", CallbackLog.State.DELIVERED, "127.0.0.1"));
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheStatusAfterwardsAndNothingTwiceOnceItAnswered() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(3)) {
            CallbackSecret secret = CurrentStore.callAs(shop.store(), endpoints::rotateSecret);
            // No URL of the store's own: the message's callbackUrl alone says where its callbacks go.
            String id =
                    id(send(customerEndingIn(SendingStores.plainEightDigits().substring(4)), receiver.url()));

            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.received().size() >= 6);
            Awaitility.await()
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().size() == 6);

            List<CallbackReceiver.Received> received = receiver.received();
            assertThat(received)
                    .extracting(r -> statusOf(r.body()))
                    .containsExactly("sent", "sent", "sent", "sent", "delivered", "read");
            assertThat(received.subList(0, 4))
                    .extracting(CallbackReceiver.Received::delivery)
                    .containsOnly(received.getFirst().delivery());
            assertThat(received)
                    .allSatisfy(r -> assertThat(r.signedWith(secret)).isTrue());
            assertThat(received).extracting(r -> messageId(r.body())).containsOnly(id);
            List<CallbackLog.Entry> entries = CurrentStore.callAs(shop.store(), () -> log.recent(10));
            assertThat(entries).extracting(CallbackLog.Entry::state).containsOnly(CallbackLog.State.DELIVERED);
            assertThat(entries.getLast().attempts()).isEqualTo(4);
            assertThat(entries.getLast().lastHttp()).isEqualTo(204);
        }
    }

    @Test
    void aMessageMetaRefusesIsCalledBackOnceAsFailedWithItsReason() throws Exception {
        sandbox.setFault("messages", br.com.metasandbox.SandboxFault.graphError(131009));
        try (CallbackReceiver receiver = new CallbackReceiver(0)) {
            CallbackSecret secret = CurrentStore.callAs(shop.store(), () -> {
                endpoints.saveUrl(urls.check(receiver.url()));
                return endpoints.rotateSecret();
            });
            String id = id(send(customerEndingIn("5555"), null));

            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> !receiver.received().isEmpty());

            assertThat(receiver.received()).singleElement().satisfies(failed -> {
                assertThat(failed.signedWith(secret)).isTrue();
                assertThat(messageId(failed.body())).isEqualTo(id);
                assertThat(statusOf(failed.body())).isEqualTo("failed");
                assertThat((Integer) JsonPath.read(failed.body(), "$.error.metaCode"))
                        .isEqualTo(131009);
                assertThat((String) JsonPath.read(failed.body(), "$.error.code"))
                        .isEqualTo("meta_refused");
                assertThat((Integer) JsonPath.read(failed.body(), "$.metadata.pedido"))
                        .isEqualTo(123);
            });
        } finally {
            sandbox.clearFaults();
        }
    }

    @Test
    void theApiRefusesACallbackUrlThatCouldReachOurOwnNetwork() throws Exception {
        for (String refused : List.of(
                "http://10.0.0.1:8080/avisos", "https://127.0.0.2:8443/avisos", "https://[::ffff:169.254.169.254]/x")) {
            send(customerEndingIn("5555"), refused)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("validation"))
                    .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("callbackUrl")));
        }
    }

    private ResultActions send(String to, String callbackUrl) throws Exception {
        String callback = callbackUrl == null ? "" : ", \"callbackUrl\": \"" + callbackUrl + "\"";
        return mvc.perform(post("/api/v1/messages")
                .header("Authorization", "Bearer " + shop.key())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"to": "%s", "template": {"name": "pedido_enviado", "parameters": ["Ana", "123"]},
                         "metadata": {"pedido": 123}%s}""".formatted(to, callback)));
    }

    /** A mobile whose last four digits choose the sandbox's delivery rule. */
    private static String customerEndingIn(String lastFour) {
        return "+55 11 98" + ThreadLocalRandom.current().nextInt(100, 1000) + "-" + lastFour;
    }

    private static String id(ResultActions sent) throws Exception {
        return JsonPath.read(
                sent.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private static String statusOf(String body) {
        return JsonPath.read(body, "$.status");
    }

    private static String messageId(String body) {
        return JsonPath.read(body, "$.id");
    }
}
