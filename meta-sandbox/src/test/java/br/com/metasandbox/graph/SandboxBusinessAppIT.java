package br.com.metasandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxBusinessApp;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.TestClock;
import br.com.metasandbox.WebhookReceiver;
import br.com.metasandbox.WebhookReceiverAwait;
import br.com.testsupport.PostgresIntegrationTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A number on the WhatsApp Business app (contract §12): connected without register, its contacts and history
 * asked for once each within 24 h and answered by webhooks in Meta's shapes, history in chunks out of order
 * with one twice, or 2593109 when the business does not share it; echoes and offboarding.
 */
@PostgresIntegrationTest
@Import(TestClock.Configuration.class)
class SandboxBusinessAppIT {

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("sandbox.webhooks.callback-url", () -> WebhookReceiver.url("/webhooks/meta"));
        registry.add("sandbox.webhooks.poll-interval", () -> "100ms");
    }

    @Autowired
    SandboxMeta meta;

    @Autowired
    SandboxBusinessApp businessApp;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    Graph graph;
    SandboxScene scene;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void contactsAndHistoryAreAskedForOnceEachAndArriveInMetasShapes() {
        SandboxPhone phone = onApp(true);

        Graph.Answer number = graph.get("/" + phone.id() + "?fields=status,is_on_biz_app", scene.token());
        assertThat(number.body().path("status").asString()).isEqualTo("CONNECTED");
        assertThat(number.body().path("is_on_biz_app").asBoolean()).isTrue();
        Graph.Answer contacts = sync(phone, "smb_app_state_sync");
        assertThat(contacts.status()).isEqualTo(200);
        assertThat(contacts.body().path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(contacts.body().path("request_id").asString()).isNotBlank();
        assertThat(sync(phone, "history").status()).isEqualTo(200);
        assertThat(sync(phone, "history").code()).isEqualTo(100);

        List<LoggedRequest> chunks = WebhookReceiverAwait.about(scene.waba().id(), "\"chunk_order\"", 6);
        List<String> order = chunks.stream()
                .map(SandboxBusinessAppIT::history)
                .map(item -> item.path("metadata").path("phase").asInt() + "/"
                        + item.path("metadata").path("chunk_order").asInt() + "/"
                        + item.path("metadata").path("progress").asInt())
                .toList();
        assertThat(order).containsExactly("1/1/40", "0/1/20", "1/1/40", "2/1/80", "1/2/60", "2/2/100");
        JsonNode message =
                history(chunks.get(1)).path("threads").get(0).path("messages").get(0);
        assertThat(message.path("type").asString()).isEqualTo("text");
        assertThat(message.path("history_context").path("status").asString()).isEqualTo("READ");
        JsonNode contact = value(WebhookReceiverAwait.about(scene.waba().id(), "state_sync", 2)
                        .getFirst())
                .path("state_sync")
                .get(0);
        assertThat(contact.path("type").asString()).isEqualTo("contact");
        assertThat(contact.path("action").asString()).isEqualTo("add");
        assertThat(contact.path("contact").path("phone_number").asString()).matches("\\d+");
    }

    @Test
    void aBusinessThatDoesNotShareItsHistoryGetsError2593109() {
        SandboxPhone phone = onApp(false);

        assertThat(sync(phone, "history").status()).isEqualTo(200);

        JsonNode error = history(WebhookReceiverAwait.about(scene.waba().id(), "2593109", 1)
                        .getFirst())
                .path("errors")
                .get(0);
        assertThat(error.path("code").asInt()).isEqualTo(2593109);
        assertThat(error.path("error_data").path("details").asString())
                .isEqualTo("History sharing is turned off by the business");
    }

    @Test
    void aNumberNotOnTheAppOrPastItsDayIsRefused() {
        assertThat(sync(scene.phone(), "history").code()).isEqualTo(100);

        SandboxPhone phone = onApp(true);
        clock.advance(Duration.ofHours(25));
        assertThat(sync(phone, "smb_app_state_sync").code()).isEqualTo(100);
    }

    @Test
    void echoesAndOffboardingAreSentAsMetaSendsThem() {
        SandboxPhone phone = onApp(true);

        String id = businessApp.sendFromApp(phone.id(), "+55 11 91234-5678", "Oi Ana!");
        JsonNode echo = value(
                        WebhookReceiverAwait.about(scene.waba().id(), id, 1).getFirst())
                .path("message_echoes")
                .get(0);
        assertThat(echo.path("to").asString()).isEqualTo("5511912345678");
        assertThat(echo.path("text").path("body").asString()).isEqualTo("Oi Ana!");

        businessApp.offboard(phone.id(), "ACCOUNT_OFFBOARDED");
        JsonNode left = value(WebhookReceiverAwait.about(scene.waba().id(), "ACCOUNT_OFFBOARDED", 1)
                .getFirst());
        assertThat(left.path("waba_info").path("waba_id").asString())
                .isEqualTo(scene.waba().id());
        assertThat(sync(phone, "history").code()).isEqualTo(100);
    }

    private SandboxPhone onApp(boolean shareHistory) {
        String mobile = "+55119" + ThreadLocalRandom.current().nextInt(1000_0000, 9999_9999);
        return businessApp.onboard(scene.waba().id(), mobile, "Loja Exemplo", shareHistory);
    }

    private Graph.Answer sync(SandboxPhone phone, String type) {
        return graph.postJson(
                "/" + phone.id() + "/smb_app_data",
                scene.token(),
                Map.of("messaging_product", "whatsapp", "sync_type", type));
    }

    private static JsonNode history(LoggedRequest request) {
        return value(request).path("history").get(0);
    }

    private static JsonNode value(LoggedRequest request) {
        return WebhookReceiver.json(request)
                .path("entry")
                .get(0)
                .path("changes")
                .get(0)
                .path("value");
    }
}
