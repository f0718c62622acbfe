package br.com.metasandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.TestClock;
import br.com.metasandbox.WebhookReceiver;
import br.com.metasandbox.WebhookReceiverAwait;
import br.com.testsupport.PostgresIntegrationTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Message templates: Graph's create, list with cursors, edit and delete, the automatic review and its webhooks. */
@PostgresIntegrationTest
@Import(TestClock.Configuration.class)
class SandboxTemplatesIT {

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("sandbox.webhooks.callback-url", () -> WebhookReceiver.url("/webhooks/meta"));
        registry.add("sandbox.webhooks.poll-interval", () -> "100ms");
        registry.add("sandbox.template-review-delay", () -> "1s");
        registry.add("sandbox.graph.max-page-size", () -> "2");
    }

    @Autowired
    SandboxMeta meta;

    @Autowired
    TemplateReviews reviews;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    Graph graph;
    SandboxScene scene;
    String templates;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph);
        templates = "/" + scene.waba().id() + "/message_templates";
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aNewTemplateWaitsForReviewAndListsWithCursors() {
        Graph.Answer created = create("pedido_enviado", "UTILITY", "Olá {{1}}, seu pedido saiu para entrega.");
        create("pedido_entregue", "UTILITY", "Olá {{1}}, seu pedido chegou.");
        create("boas_vindas", "MARKETING", "Bem-vindo à Loja Exemplo, {{1}}!");

        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        assertThat(created.body().path("id").asString()).matches("\\d+");
        assertThat(created.body().path("status").asString()).isEqualTo("PENDING");
        assertThat(created.body().path("category").asString()).isEqualTo("UTILITY");

        Graph.Answer first = graph.get(
                templates
                        + "?fields=id,name,status,category,language,components,quality_score,rejected_reason&limit=100",
                scene.token());
        assertThat(first.body().path("data")).hasSize(2);
        assertThat(first.body().path("data").path(0).path("status").asString()).isEqualTo("PENDING");
        assertThat(first.body().path("data").path(0).path("language").asString())
                .isEqualTo("pt_BR");
        assertThat(first.body()
                        .path("data")
                        .path(0)
                        .path("quality_score")
                        .path("score")
                        .asString())
                .isEqualTo("UNKNOWN");
        assertThat(first.body()
                        .path("data")
                        .path(0)
                        .path("components")
                        .path(0)
                        .path("type")
                        .asString())
                .isEqualTo("BODY");
        String after = first.body().path("paging").path("cursors").path("after").asString();
        assertThat(first.body().path("paging").path("next").asString()).contains("after=" + after);

        Graph.Answer second = graph.get(templates + "?fields=name&after=" + after, scene.token());
        assertThat(second.body().path("data")).hasSize(1);
        assertThat(second.body().path("paging").has("next")).isFalse();
        assertThat(second.body().path("paging").has("previous")).isTrue();
    }

    @Test
    void theSameNameAndLanguageTwiceIsRefusedAnotherLanguageIsNot() {
        create("pedido_enviado", "UTILITY", "Olá {{1}}, seu pedido saiu para entrega.");

        Graph.Answer again = create("pedido_enviado", "UTILITY", "Olá {{1}}, outro texto.");
        Graph.Answer english = graph.postJson(
                templates,
                scene.token(),
                template("pedido_enviado", "UTILITY", "en_US", "Hi {{1}}, your order is on its way."));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo(100);
        assertThat(again.error().path("error_subcode").asInt()).isEqualTo(TemplateReviews.DUPLICATE_SUBCODE);
        assertThat(english.status()).isEqualTo(200);
    }

    @Test
    void badNamesAndMissingBodiesAreParameterErrors() {
        Graph.Answer badName = create("Pedido Enviado", "UTILITY", "Olá {{1}}, seu pedido saiu.");
        Graph.Answer noBody = graph.postJson(
                templates,
                scene.token(),
                Map.of("name", "sem_corpo", "category", "UTILITY", "language", "pt_BR", "components", List.of()));

        assertThat(badName.code()).isEqualTo(100);
        assertThat(noBody.code()).isEqualTo(100);
    }

    @Test
    void aTokenOfAnotherBusinessDoesNotReachTheWaba() {
        SandboxScene other = SandboxScene.create(meta, graph);

        Graph.Answer create = graph.postJson(
                templates, other.token(), template("pedido_enviado", "UTILITY", "pt_BR", "Olá {{1}}, pedido."));
        Graph.Answer list = graph.get(templates, other.token());

        assertThat(create.code()).isEqualTo(100);
        assertThat(create.error().path("error_subcode").asInt()).isEqualTo(33);
        assertThat(list.error().path("error_subcode").asInt()).isEqualTo(33);
    }

    @Test
    void aHundredCreationsAnHourThenThrottling() {
        for (int i = 0; i < TemplateReviews.CREATIONS_PER_HOUR; i++) {
            assertThat(create("modelo_" + i, "MARKETING", "Novidades da loja para {{1}} hoje.")
                            .status())
                    .isEqualTo(200);
        }
        // Deleting does not give a creation back.
        graph.delete(templates + "?name=modelo_0", scene.token());

        Graph.Answer throttled = create("modelo_extra", "MARKETING", "Novidades da loja para {{1}} hoje.");
        clock.advance(Duration.ofMinutes(61));
        Graph.Answer nextHour = create("modelo_extra", "MARKETING", "Novidades da loja para {{1}} hoje.");

        assertThat(throttled.code()).isEqualTo(80007);
        assertThat(throttled.error().path("is_transient").asBoolean()).isTrue();
        assertThat(nextHour.status()).isEqualTo(200);
    }

    @Test
    void theReviewApprovesWithASignedStatusWebhook() {
        String id = create("pedido_enviado", "UTILITY", "Olá {{1}}, seu pedido saiu para entrega.")
                .body()
                .path("id")
                .asString();

        LoggedRequest request = WebhookReceiverAwait.about(scene.waba().id(), "message_template_status_update", 1)
                .getFirst();
        JsonNode value = value(request);

        assertThat(request.getHeader("X-Hub-Signature-256")).startsWith("sha256=");
        assertThat(value.path("event").asString()).isEqualTo("APPROVED");
        assertThat(value.path("message_template_id").isNumber()).isTrue();
        assertThat(value.path("message_template_id").asString()).isEqualTo(id);
        assertThat(value.path("message_template_name").asString()).isEqualTo("pedido_enviado");
        assertThat(value.path("message_template_language").asString()).isEqualTo("pt_BR");
        assertThat(value.path("reason").asString()).isEqualTo("NONE");
        assertThat(status(id)).isEqualTo("APPROVED");
    }

    @Test
    void aBodyThatStartsWithAVariableIsRejectedAsInvalidFormat() {
        String id = create("saudacao", "UTILITY", "{{1}}, seu pedido saiu para entrega.")
                .body()
                .path("id")
                .asString();

        JsonNode value = value(WebhookReceiverAwait.about(scene.waba().id(), "message_template_status_update", 1)
                .getFirst());

        assertThat(value.path("event").asString()).isEqualTo("REJECTED");
        assertThat(value.path("reason").asString()).isEqualTo("INVALID_FORMAT");
        assertThat(status(id)).isEqualTo("REJECTED");
        JsonNode listed = graph.get(templates + "?fields=name,rejected_reason", scene.token())
                .body()
                .path("data")
                .path(0);
        assertThat(listed.path("rejected_reason").asString()).isEqualTo("INVALID_FORMAT");
        assertThat(TemplateReviews.review("UTILITY", "Seu pedido saiu, {{1}} ").status())
                .isEqualTo("REJECTED");
        // A period after the last variable is text: the body does not end with the variable.
        assertThat(TemplateReviews.review("UTILITY", "Seu pedido chega até {{1}}.")
                        .status())
                .isEqualTo("APPROVED");
    }

    @Test
    void aPromotionalUtilityTemplateIsApprovedAsMarketing() {
        Graph.Answer created = create("aviso", "UTILITY", "Olá {{1}}, aproveite o DESCONTO de hoje na loja.");
        assertThat(created.body().path("category").asString()).isEqualTo("UTILITY");

        JsonNode category = value(WebhookReceiverAwait.about(scene.waba().id(), "template_category_update", 1)
                .getFirst());
        JsonNode status = value(WebhookReceiverAwait.about(scene.waba().id(), "message_template_status_update", 1)
                .getFirst());

        assertThat(category.path("previous_category").asString()).isEqualTo("UTILITY");
        assertThat(category.path("new_category").asString()).isEqualTo("MARKETING");
        assertThat(status.path("event").asString()).isEqualTo("APPROVED");
        assertThat(status.path("message_template_category").asString()).isEqualTo("MARKETING");
        JsonNode listed = graph.get(templates + "?fields=category", scene.token())
                .body()
                .path("data")
                .path(0);
        assertThat(listed.path("category").asString()).isEqualTo("MARKETING");
    }

    @Test
    void anApprovedTemplateIsEditedBackToReviewAndDeletedByName() {
        String id = create("pedido_enviado", "UTILITY", "Olá {{1}}, seu pedido saiu para entrega.")
                .body()
                .path("id")
                .asString();
        Graph.Answer whilePending = graph.postJson(
                "/" + id, scene.token(), Map.of("components", List.of(body("Olá {{1}}, pedido a caminho."))));
        assertThat(whilePending.code()).isEqualTo(100);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("APPROVED"));

        Graph.Answer edited = graph.postJson(
                "/" + id, scene.token(), Map.of("components", List.of(body("Olá {{1}}, pedido a caminho hoje."))));
        assertThat(edited.body().path("success").asBoolean())
                .as(edited.body().toString())
                .isTrue();
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(graph.get("/" + id + "?fields=components", scene.token())
                        .body()
                        .path("components")
                        .path(0)
                        .path("text")
                        .asString())
                .isEqualTo("Olá {{1}}, pedido a caminho hoje.");

        Graph.Answer deleted = graph.delete(templates + "?name=pedido_enviado", scene.token());
        Graph.Answer again = graph.delete(templates + "?name=pedido_enviado", scene.token());

        assertThat(deleted.body().path("success").asBoolean()).isTrue();
        assertThat(graph.get(templates, scene.token()).body().path("data")).isEmpty();
        assertThat(again.code()).isEqualTo(100);
    }

    @Test
    void theConsolesDecisionsReplaceTheReviewAndSendMetasWebhooks() {
        String id = create("pedido_enviado", "UTILITY", "Olá {{1}}, seu pedido saiu para entrega.")
                .body()
                .path("id")
                .asString();

        reviews.decide(id, "REJECTED", "INCORRECT_CATEGORY");
        assertThat(status(id)).isEqualTo("REJECTED");
        JsonNode rejected = value(WebhookReceiverAwait.about(scene.waba().id(), "INCORRECT_CATEGORY", 1)
                .getFirst());
        assertThat(rejected.path("event").asString()).isEqualTo("REJECTED");

        meta.decideTemplate(id, "PAUSED", null);
        meta.setTemplateQuality(id, "YELLOW");
        JsonNode paused = value(
                WebhookReceiverAwait.about(scene.waba().id(), "\"PAUSED\"", 1).getFirst());
        JsonNode quality = value(WebhookReceiverAwait.about(scene.waba().id(), "message_template_quality_update", 1)
                .getFirst());

        assertThat(paused.path("event").asString()).isEqualTo("PAUSED");
        assertThat(quality.path("previous_quality_score").asString()).isEqualTo("UNKNOWN");
        assertThat(quality.path("new_quality_score").asString()).isEqualTo("YELLOW");
        // The automatic approval that was due was dropped with its webhook.
        assertThat(WebhookReceiver.SERVER.getAllServeEvents().stream()
                        .map(event -> event.getRequest().getBodyAsString())
                        .filter(body -> body.contains(scene.waba().id()) && body.contains("\"APPROVED\"")))
                .isEmpty();
        assertThat(status(id)).isEqualTo("PAUSED");
        assertThat(meta.templateStatus(id)).isEqualTo("PAUSED");
    }

    private Graph.Answer create(String name, String category, String text) {
        return graph.postJson(templates, scene.token(), template(name, category, "pt_BR", text));
    }

    private static Map<String, Object> template(String name, String category, String language, String text) {
        return Map.of(
                "name",
                name,
                "category",
                category,
                "language",
                language,
                "parameter_format",
                "positional",
                "components",
                List.of(body(text), Map.of("type", "FOOTER", "text", "Loja Exemplo")));
    }

    private static Map<String, Object> body(String text) {
        return Map.of("type", "BODY", "text", text, "example", Map.of("body_text", List.of(List.of("Ana"))));
    }

    private String status(String id) {
        return graph.get("/" + id + "?fields=status", scene.token())
                .body()
                .path("status")
                .asString();
    }

    private static JsonNode value(LoggedRequest request) {
        return WebhookReceiver.json(request)
                .path("entry")
                .path(0)
                .path("changes")
                .path(0)
                .path("value");
    }
}
