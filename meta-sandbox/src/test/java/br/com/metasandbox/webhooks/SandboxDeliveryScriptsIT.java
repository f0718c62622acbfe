package br.com.metasandbox.webhooks;

import static br.com.metasandbox.SandboxTemplateFixtures.message;
import static br.com.metasandbox.SandboxTemplateFixtures.send;
import static br.com.metasandbox.SandboxTemplateFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.PlannedStatuses;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.SandboxTemplateFixtures;
import br.com.metasandbox.WebhookReceiver;
import br.com.metasandbox.WebhookReceiverAwait;
import br.com.metasandbox.state.DeliveryScripts;
import br.com.metasandbox.state.WaId;
import br.com.testsupport.PostgresIntegrationTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What becomes of a sent message: the number-suffix rules and the per-customer scripts of the console's delivery
 * page — never read, late, out of order, and Meta's failures with their code, title and details.
 */
@PostgresIntegrationTest
class SandboxDeliveryScriptsIT {

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("sandbox.webhooks.callback-url", () -> WebhookReceiver.url("/webhooks/meta"));
        registry.add("sandbox.webhooks.poll-interval", () -> "100ms");
    }

    @Autowired
    SandboxMeta meta;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    DeliveryScripts scripts;

    @LocalServerPort
    int port;

    Graph graph;
    SandboxScene scene;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph).connected(meta, graph);
        SandboxTemplateFixtures.approved(
                meta,
                graph,
                scene,
                SandboxTemplateFixtures.withBody("oferta", "MARKETING", "Oferta da semana para você, {{1}}!"));
    }

    @Test
    void anyOtherNumberIsSentDeliveredAndReadInThatOrder() {
        List<PlannedStatuses.Status> statuses = statusesOf(sendTo(PlannedStatuses.customerEndingIn("1234")));

        assertThat(PlannedStatuses.names(statuses)).containsExactly("sent", "delivered", "read");
        assertThat(statuses).extracting(PlannedStatuses.Status::timestamp).isSorted();
    }

    @Test
    void aNumberEndingIn8000IsDeliveredButNeverRead() {
        List<PlannedStatuses.Status> statuses = statusesOf(sendTo(PlannedStatuses.customerEndingIn("8000")));

        assertThat(PlannedStatuses.names(statuses)).containsExactly("sent", "delivered");
    }

    @Test
    void eachFailureSuffixGetsOneFailedStatusWithMetasCodeTitleAndDetails() {
        Map<String, Integer> codes = Map.of(
                "9999", 131026,
                "1047", 131047,
                "1049", 131049,
                "1050", 131050,
                "0472", 130472);
        codes.forEach((suffix, code) -> {
            List<PlannedStatuses.Status> statuses = statusesOf(sendTo(PlannedStatuses.customerEndingIn(suffix)));
            assertThat(PlannedStatuses.names(statuses)).as(suffix).containsExactly("failed");
            JsonNode failed = statuses.getFirst().entry();
            assertThat(failed.has("pricing")).isFalse();
            JsonNode error = failed.path("errors").get(0);
            assertThat(error.path("code").asInt()).as(suffix).isEqualTo(code);
            assertThat(error.path("title").asString()).isNotBlank();
            assertThat(error.path("message").asString())
                    .isEqualTo(error.path("title").asString());
            assertThat(error.path("error_data").path("details").asString()).isNotBlank();
        });
        JsonNode ecosystem = statusesOf(sendTo(PlannedStatuses.customerEndingIn("1049")))
                .getFirst()
                .entry()
                .path("errors")
                .get(0);
        assertThat(ecosystem.path("title").asString())
                .isEqualTo("This message was not delivered to maintain healthy ecosystem engagement.");
    }

    @Test
    void aScriptWinsOverTheSuffixAndIsKeptInTheDatabase() {
        String notOnWhatsApp = PlannedStatuses.customerEndingIn("9999");
        meta.scriptDelivery(notOnWhatsApp, "READ", 0);
        assertThat(PlannedStatuses.names(statusesOf(sendTo(notOnWhatsApp))))
                .containsExactly("sent", "delivered", "read");

        meta.scriptDelivery(notOnWhatsApp, "MARKETING_STOPPED", 0);
        List<PlannedStatuses.Status> stopped = statusesOf(sendTo(notOnWhatsApp));
        assertThat(stopped.getFirst().entry().path("errors").get(0).path("code").asInt())
                .isEqualTo(131050);
        assertThat(scripts.scriptFor(WaId.fromRecipient(notOnWhatsApp).value()))
                .get()
                .extracting(DeliveryScripts.Script::outcome)
                .isEqualTo("MARKETING_STOPPED");

        meta.removeDeliveryScript(notOnWhatsApp);
        assertThat(statusesOf(sendTo(notOnWhatsApp))
                        .getFirst()
                        .entry()
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asInt())
                .isEqualTo(131026);
    }

    @Test
    void aLateScriptShiftsEveryStatusByItsDelay() {
        String customer = PlannedStatuses.customerEndingIn("1234");
        meta.scriptDelivery(customer, "LATE", 40);
        String wamid = sendTo(customer);
        long sentAt = meta.sentMessages(scene.phone().id()).stream()
                .filter(message -> message.id().equals(wamid))
                .findFirst()
                .orElseThrow()
                .sentAt()
                .getEpochSecond();

        List<PlannedStatuses.Status> statuses = statusesOf(wamid);

        assertThat(PlannedStatuses.names(statuses)).containsExactly("sent", "delivered", "read");
        assertThat(PlannedStatuses.only(statuses, "sent").timestamp()).isEqualTo(sentAt + 40);
        assertThat(PlannedStatuses.only(statuses, "sent").postAt()).isGreaterThanOrEqualTo(sentAt + 40);
        assertThat(PlannedStatuses.only(statuses, "read").timestamp()).isEqualTo(sentAt + 45);
    }

    @Test
    void outOfOrderTheReceiverGetsReadThenDeliveredThenSentWithTheEventsTimes() {
        String customer = PlannedStatuses.customerEndingIn("8111");
        String wamid = sendTo(customer);

        List<LoggedRequest> received = WebhookReceiverAwait.about(scene.waba().id(), wamid, 3);

        List<JsonNode> statuses = received.stream()
                .map(request -> WebhookReceiver.json(request)
                        .path("entry")
                        .get(0)
                        .path("changes")
                        .get(0)
                        .path("value")
                        .path("statuses")
                        .get(0))
                .toList();
        assertThat(statuses)
                .extracting(status -> status.path("status").asString())
                .containsExactly("read", "delivered", "sent");
        assertThat(statuses)
                .extracting(status -> Long.parseLong(status.path("timestamp").asString()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(statuses.get(2).path("pricing").path("category").asString()).isEqualTo("marketing");
    }

    private String sendTo(String customer) {
        Graph.Answer sent = graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                message(customer, send("oferta", List.of(texts("body", "Ana"))), null));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        return sent.body().path("messages").get(0).path("id").asString();
    }

    private List<PlannedStatuses.Status> statusesOf(String wamid) {
        return PlannedStatuses.of(deliveries, scene.waba().id(), wamid);
    }
}
