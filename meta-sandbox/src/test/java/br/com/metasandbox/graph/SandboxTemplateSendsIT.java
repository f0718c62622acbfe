package br.com.metasandbox.graph;

import static br.com.metasandbox.SandboxTemplateFixtures.message;
import static br.com.metasandbox.SandboxTemplateFixtures.send;
import static br.com.metasandbox.SandboxTemplateFixtures.texts;
import static br.com.metasandbox.SandboxTemplateFixtures.urlButton;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.SandboxTemplateFixtures;
import br.com.testsupport.PostgresIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A template message is checked against the WABA's templates: existence, status and parameters, as Meta answers. */
@PostgresIntegrationTest
class SandboxTemplateSendsIT {

    static final String CUSTOMER = "+5511912345678";

    @DynamicPropertySource
    static void slowReview(DynamicPropertyRegistry registry) {
        // No automatic decision during a test: each template's status is the one the test gives it.
        registry.add("sandbox.template-review-delay", () -> "1h");
    }

    @Autowired
    SandboxMeta meta;

    @LocalServerPort
    int port;

    Graph graph;
    SandboxScene scene;
    String messages;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph).connected(meta, graph);
        messages = "/" + scene.phone().id() + "/messages";
    }

    @Test
    void aTemplateNameOrLanguageTheWabaDoesNotHaveIs132001NotFound() {
        approved(SandboxTemplateFixtures.withBody("boas_vindas", "MARKETING", "Bem-vinda à loja, {{1}}!"));

        Graph.Answer unknown = post(send("nao_existe", List.of(texts("body", "Ana"))));
        Graph.Answer otherLanguage = post(Map.of(
                "name",
                "boas_vindas",
                "language",
                Map.of("code", "en_US"),
                "components",
                List.of(texts("body", "Ana"))));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(132001);
        assertThat(unknown.message()).isEqualTo("(#132001) Template name does not exist in the translation");
        assertThat(unknown.error().path("error_data").path("details").asString())
                .isEqualTo("template name (nao_existe) does not exist in pt_BR");
        assertThat(otherLanguage.code()).isEqualTo(132001);
    }

    @Test
    void aTemplateOfAnotherWabaIsUnknownHere() {
        SandboxScene other = SandboxScene.create(meta, graph);
        SandboxTemplateFixtures.approved(
                meta, graph, other, SandboxTemplateFixtures.withBody("so_da_outra", "UTILITY", "Olá {{1}}, tudo bem?"));

        assertThat(post(send("so_da_outra", List.of(texts("body", "Ana")))).code())
                .isEqualTo(132001);
    }

    @Test
    void pendingAndRejectedTemplatesAreNotApprovedSo132001() {
        SandboxTemplateFixtures.created(
                graph, scene, SandboxTemplateFixtures.withBody("em_revisao", "UTILITY", "Olá {{1}}, tudo bem?"));
        String rejected = SandboxTemplateFixtures.created(
                graph, scene, SandboxTemplateFixtures.withBody("reprovado", "UTILITY", "Olá {{1}}, tudo bem?"));
        meta.decideTemplate(rejected, "REJECTED", "INVALID_FORMAT");

        Graph.Answer pending = post(send("em_revisao", List.of(texts("body", "Ana"))));
        Graph.Answer refused = post(send("reprovado", List.of(texts("body", "Ana"))));

        assertThat(pending.status()).isEqualTo(404);
        assertThat(pending.code()).isEqualTo(132001);
        assertThat(pending.error().path("error_data").path("details").asString())
                .contains("PENDING");
        assertThat(refused.code()).isEqualTo(132001);
        assertThat(refused.error().path("error_data").path("details").asString())
                .contains("REJECTED");
    }

    @Test
    void aPausedTemplateIs132015AndADisabledOne132016() {
        String paused = approved(SandboxTemplateFixtures.withBody("pausado", "MARKETING", "Oferta para você, {{1}}!"));
        String disabled =
                approved(SandboxTemplateFixtures.withBody("desativado", "MARKETING", "Oferta para você, {{1}}!"));
        meta.decideTemplate(paused, "PAUSED", null);
        meta.decideTemplate(disabled, "DISABLED", null);

        Graph.Answer pausedAnswer = post(send("pausado", List.of(texts("body", "Ana"))));
        Graph.Answer disabledAnswer = post(send("desativado", List.of(texts("body", "Ana"))));

        assertThat(pausedAnswer.status()).isEqualTo(400);
        assertThat(pausedAnswer.code()).isEqualTo(132015);
        assertThat(pausedAnswer.message()).isEqualTo("(#132015) Template is Paused");
        assertThat(disabledAnswer.status()).isEqualTo(400);
        assertThat(disabledAnswer.code()).isEqualTo(132016);
        assertThat(disabledAnswer.message()).isEqualTo("(#132016) Template is Disabled");

        meta.decideTemplate(paused, "APPROVED", null);
        assertThat(post(send("pausado", List.of(texts("body", "Ana")))).status())
                .isEqualTo(200);
    }

    @Test
    void positionalParametersMustMatchTheVariablesInNumber132000() {
        approved(SandboxTemplateFixtures.orderShipped("pedido_enviado"));
        Map<String, Object> header = texts("header", "42");
        Map<String, Object> button = urlButton(0, "42");

        Graph.Answer oneShort = post(send("pedido_enviado", List.of(header, texts("body", "Ana"), button)));
        Graph.Answer oneTooMany =
                post(send("pedido_enviado", List.of(header, texts("body", "Ana", "sexta", "extra"), button)));
        Graph.Answer noHeader = post(send("pedido_enviado", List.of(texts("body", "Ana", "sexta"), button)));
        Graph.Answer noButton = post(send("pedido_enviado", List.of(header, texts("body", "Ana", "sexta"))));
        Graph.Answer right = post(send("pedido_enviado", List.of(header, texts("body", "Ana", "sexta"), button)));

        assertThat(oneShort.status()).isEqualTo(400);
        assertThat(oneShort.code()).isEqualTo(132000);
        assertThat(oneShort.error().path("error_data").path("details").asString())
                .isEqualTo("body: number of localizable_params (1) does not match the expected number of params (2)");
        assertThat(oneTooMany.code()).isEqualTo(132000);
        assertThat(noHeader.code()).isEqualTo(132000);
        assertThat(noButton.code()).isEqualTo(132000);
        assertThat(right.status()).as(right.body().toString()).isEqualTo(200);
        assertThat(right.body().path("messages").get(0).path("message_status").asString())
                .isEqualTo("accepted");
    }

    @Test
    void namedParametersMustNameEveryVariable132000AndNotBePositional132012() {
        approved(SandboxTemplateFixtures.named("cupom", "MARKETING"));

        Graph.Answer right = post(send("cupom", List.of(named("nome", "Ana", "cupom", "BEMVINDO"))));
        Graph.Answer wrongName = post(send("cupom", List.of(named("nome", "Ana", "codigo", "BEMVINDO"))));
        Graph.Answer missing = post(send("cupom", List.of(named("nome", "Ana"))));
        Graph.Answer positional = post(send("cupom", List.of(texts("body", "Ana", "BEMVINDO"))));

        assertThat(right.status()).as(right.body().toString()).isEqualTo(200);
        assertThat(wrongName.code()).isEqualTo(132000);
        assertThat(missing.code()).isEqualTo(132000);
        assertThat(positional.status()).isEqualTo(400);
        assertThat(positional.code()).isEqualTo(132012);
        assertThat(positional.message())
                .isEqualTo("(#132012) Parameter format does not match format in the created template");
    }

    @Test
    void aPositionalTemplateRefusesNamedParametersWith132012() {
        approved(SandboxTemplateFixtures.withBody("lembrete", "UTILITY", "Olá {{1}}, seu horário é amanhã."));

        assertThat(post(send("lembrete", List.of(named("1", "Ana")))).code()).isEqualTo(132012);
        assertThat(post(send("lembrete", List.of(texts("body", "Ana")))).status())
                .isEqualTo(200);
    }

    @Test
    void theLanguageMayBeWrittenWithADash() {
        approved(SandboxTemplateFixtures.withBody("lembrete", "UTILITY", "Olá {{1}}, seu horário é amanhã."));

        Graph.Answer answer = post(Map.of(
                "name", "lembrete", "language", Map.of("code", "pt-BR"), "components", List.of(texts("body", "Ana"))));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    private String approved(Map<String, Object> template) {
        return SandboxTemplateFixtures.approved(meta, graph, scene, template);
    }

    private Graph.Answer post(Map<String, Object> template) {
        return graph.postJson(messages, scene.token(), message(CUSTOMER, template, null));
    }

    private static Map<String, Object> named(String... namesAndValues) {
        List<Map<String, Object>> parameters = new java.util.ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(Map.of("type", "text", "parameter_name", namesAndValues[i], "text", namesAndValues[i + 1]));
        }
        return Map.of("type", "body", "parameters", parameters);
    }
}
