package br.com.metasandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.SandboxSentMessage;
import br.com.metasandbox.SandboxTemplateFixtures;
import br.com.metasandbox.TestClock;
import br.com.testsupport.PostgresIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Sending: shapes, the connected-number rule, the 24 h customer window and Brazil's wa_id. */
@PostgresIntegrationTest
@Import(TestClock.Configuration.class)
class SandboxMessagesIT {

    static final String CUSTOMER = "+5511912345678";

    @Autowired
    SandboxMeta meta;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    Graph graph;
    SandboxScene scene;
    String messages;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph);
        messages = "/" + scene.phone().id() + "/messages";
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aNumberThatIsNotRegisteredCannotSend() {
        meta.recordInbound(scene.phone().id(), CUSTOMER);
        Graph.Answer answer = graph.postJson(messages, scene.token(), text(CUSTOMER, "Oi"));
        assertThat(answer.code()).isEqualTo(133010);
    }

    @Test
    void textOutsideTheCustomerWindowIsRefusedWith131047() {
        scene.connected(meta, graph);
        Graph.Answer answer = graph.postJson(messages, scene.token(), text(CUSTOMER, "Oi"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo(131047);
        assertThat(answer.message()).isEqualTo("(#131047) Re-engagement message");
    }

    @Test
    void textInsideTheWindowIsAcceptedAndRecordedUntilTheWindowCloses() {
        scene.connected(meta, graph);
        meta.recordInbound(scene.phone().id(), "5511912345678");

        Graph.Answer answer = graph.postJson(
                messages,
                scene.token(),
                Map.of(
                        "messaging_product", "whatsapp",
                        "recipient_type", "individual",
                        "to", CUSTOMER,
                        "type", "text",
                        "text", Map.of("preview_url", false, "body", "Seu pedido saiu para entrega."),
                        "biz_opaque_callback_data", "camp-42:msg-9"));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(answer.body().path("contacts").get(0).path("input").asString())
                .isEqualTo(CUSTOMER);
        assertThat(answer.body().path("contacts").get(0).path("wa_id").asString())
                .isEqualTo("5511912345678");
        String id = answer.body().path("messages").get(0).path("id").asString();
        assertThat(id).startsWith("wamid.");
        assertThat(answer.body().path("messages").get(0).has("message_status")).isFalse();
        List<SandboxSentMessage> sent = meta.sentMessages(scene.phone().id());
        assertThat(sent).extracting(SandboxSentMessage::id).containsExactly(id);
        assertThat(sent.getFirst().bizOpaqueCallbackData()).isEqualTo("camp-42:msg-9");
        assertThat(sent.getFirst().payload()).contains("Seu pedido saiu para entrega.");

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(graph.postJson(messages, scene.token(), text(CUSTOMER, "Ainda aí?"))
                        .code())
                .isEqualTo(131047);
    }

    @Test
    void templatesGoOutsideTheWindow() {
        scene.connected(meta, graph);
        SandboxTemplateFixtures.approved(
                meta,
                graph,
                scene,
                SandboxTemplateFixtures.withBody("pedido_enviado", "UTILITY", "Olá {{1}}, seu pedido saiu."));
        Graph.Answer answer = graph.postJson(
                messages,
                scene.token(),
                Map.of(
                        "messaging_product",
                        "whatsapp",
                        "to",
                        CUSTOMER,
                        "type",
                        "template",
                        "template",
                        Map.of(
                                "name",
                                "pedido_enviado",
                                "language",
                                Map.of("code", "pt_BR"),
                                "components",
                                List.of(Map.of(
                                        "type",
                                        "body",
                                        "parameters",
                                        List.of(Map.of("type", "text", "text", "Ana")))))));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("messages").get(0).path("message_status").asString())
                .isEqualTo("accepted");
    }

    @Test
    void brazilianMobilesFromDdd31DropTheNinthDigitInTheirWaId() {
        scene.connected(meta, graph);
        SandboxTemplateFixtures.approved(
                meta, graph, scene, SandboxTemplateFixtures.withBody("ola", "UTILITY", "Olá, tudo bem?"));
        assertThat(waIdOf("+5531987654321")).isEqualTo("553187654321");
        assertThat(waIdOf("+5528987654321")).isEqualTo("5528987654321");
        assertThat(waIdOf("+5511987654321")).isEqualTo("5511987654321");
        assertThat(waIdOf("+551134567890")).isEqualTo("551134567890");
    }

    @Test
    void theWindowOfAMobileFromDdd31IsKeptUnderItsWaId() {
        scene.connected(meta, graph);
        meta.recordInbound(scene.phone().id(), "553187654321");
        assertThat(graph.postJson(messages, scene.token(), text("+5531987654321", "Oi"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesBadRecipientsLongBodiesAndLongCallbackData() {
        scene.connected(meta, graph);
        meta.recordInbound(scene.phone().id(), CUSTOMER);
        assertThat(graph.postJson(messages, scene.token(), text("not a number", "Oi"))
                        .code())
                .isEqualTo(131009);
        assertThat(graph.postJson(messages, scene.token(), text(CUSTOMER, "x".repeat(4097)))
                        .code())
                .isEqualTo(100);
        Map<String, Object> opaque = new java.util.HashMap<>(text(CUSTOMER, "Oi"));
        opaque.put("biz_opaque_callback_data", "y".repeat(513));
        assertThat(graph.postJson(messages, scene.token(), opaque).code()).isEqualTo(100);
        Map<String, Object> noTo =
                Map.of("messaging_product", "whatsapp", "type", "text", "text", Map.of("body", "Oi"));
        assertThat(graph.postJson(messages, scene.token(), noTo).code()).isEqualTo(131008);
    }

    @Test
    void interactiveCtaUrlFollowsItsLimits() {
        scene.connected(meta, graph);
        meta.recordInbound(scene.phone().id(), CUSTOMER);
        Graph.Answer ok = graph.postJson(messages, scene.token(), cta("Ver loja"));
        Graph.Answer tooLong = graph.postJson(messages, scene.token(), cta("Ver a loja inteira agora"));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        assertThat(tooLong.code()).isEqualTo(100);
    }

    private String waIdOf(String to) {
        Graph.Answer answer = graph.postJson(
                messages,
                scene.token(),
                Map.of(
                        "messaging_product",
                        "whatsapp",
                        "to",
                        to,
                        "type",
                        "template",
                        "template",
                        Map.of("name", "ola", "language", Map.of("code", "pt_BR"))));
        JsonNode contact = answer.body().path("contacts").get(0);
        return contact.path("wa_id").asString();
    }

    private static Map<String, Object> text(String to, String body) {
        return Map.of("messaging_product", "whatsapp", "to", to, "type", "text", "text", Map.of("body", body));
    }

    private static Map<String, Object> cta(String display) {
        return Map.of(
                "messaging_product",
                "whatsapp",
                "to",
                CUSTOMER,
                "type",
                "interactive",
                "interactive",
                Map.of(
                        "type",
                        "cta_url",
                        "header",
                        Map.of("type", "text", "text", "Oferta"),
                        "body",
                        Map.of("text", "Veja a coleção nova"),
                        "footer",
                        Map.of("text", "Loja Exemplo"),
                        "action",
                        Map.of(
                                "name",
                                "cta_url",
                                "parameters",
                                Map.of("display_text", display, "url", "https://loja.com.br/?c=42"))));
    }
}
