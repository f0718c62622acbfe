package br.com.metasandbox.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.webhooks.WebhookDeliveries;
import br.com.metasandbox.webhooks.WebhookDelivery;
import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console's templates page in a real Chromium: each decision changes what Graph lists and plans Meta's webhook. */
@PostgresIntegrationTest
class SandboxTemplatesConsoleBrowserIT {

    @DynamicPropertySource
    static void reviewAfterTheTest(DynamicPropertyRegistry registry) {
        // The automatic review must still be due when the decisions by hand are taken, however slowly Chromium
        // starts in a full build: with the default 5 s it sometimes came first.
        registry.add("sandbox.template-review-delay", () -> "1h");
    }

    @LocalServerPort
    int port;

    @Autowired
    SandboxMeta meta;

    @Autowired
    WebhookDeliveries deliveries;

    BrowserContext browser;
    Page page;
    Graph graph;
    SandboxScene scene;

    @BeforeEach
    void open() {
        browser = Browsers.chromium()
                .newContext(new Browser.NewContextOptions().setLocale("pt-BR").setViewportSize(1280, 900));
        page = browser.newPage();
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void decisionsOnTheConsoleChangeTheTemplateAndSendMetasWebhooks() {
        Graph.Answer created = graph.postJson(
                "/" + scene.waba().id() + "/message_templates",
                scene.token(),
                Map.of(
                        "name",
                        "pedido_enviado",
                        "category",
                        "UTILITY",
                        "language",
                        "pt_BR",
                        "components",
                        List.of(Map.of("type", "BODY", "text", "Olá {{1}}, seu pedido saiu para entrega."))));
        String id = created.body().path("id").asString();

        page.navigate(url("/sandbox/console/templates"));
        assertThat(page.getByTestId("template-rules")).containsText("Regra do sandbox");
        assertThat(page.getByTestId("template-rules")).containsText("promoção, desconto, oferta");
        Locator row = page.locator("#template-" + id);
        assertThat(row.getByTestId("template-status")).hasText("PENDING");
        Browsers.screenshot(page, "sandbox-console-templates");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pausar"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("webhook");
        assertThat(page.locator("#template-" + id).getByTestId("template-status"))
                .hasText("PAUSED");
        assertThat(status(id)).isEqualTo("PAUSED");
        assertThat(lastPayload("message_template_status_update")).contains("\"event\":\"PAUSED\"");
        // The automatic approval that was due was replaced by the decision by hand.
        assertThat(payloads("message_template_status_update")).noneMatch(payload -> payload.contains("APPROVED"));

        row = page.locator("#template-" + id);
        row.getByLabel("Motivo").selectOption("INCORRECT_CATEGORY");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reprovar"))
                .click();
        assertThat(status(id)).isEqualTo("REJECTED");
        assertThat(lastPayload("message_template_status_update")).contains("INCORRECT_CATEGORY");

        row = page.locator("#template-" + id);
        row.getByLabel("Qualidade").selectOption("RED");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aplicar"))
                .click();
        assertThat(page.locator("#template-" + id)).containsText("Qualidade RED");
        assertThat(lastPayload("message_template_quality_update")).contains("\"new_quality_score\":\"RED\"");

        row = page.locator("#template-" + id);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aprovar"))
                .click();
        assertThat(status(id)).isEqualTo("APPROVED");
        Browsers.screenshot(page, "sandbox-console-templates-after");
    }

    private String status(String id) {
        return graph.get("/" + id + "?fields=status", scene.token())
                .body()
                .path("status")
                .asString();
    }

    private List<String> payloads(String field) {
        return deliveries.forEntry(scene.waba().id()).stream()
                .filter(delivery -> delivery.field().equals(field))
                .map(WebhookDelivery::payload)
                .toList();
    }

    private String lastPayload(String field) {
        List<String> payloads = payloads(field);
        assertThat(payloads).as("no " + field + " webhook planned").isNotEmpty();
        return payloads.getLast();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
