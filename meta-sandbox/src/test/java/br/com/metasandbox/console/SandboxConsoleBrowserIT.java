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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sandbox console in a real Chromium: each action changes what Graph answers and plans its webhook. */
@PostgresIntegrationTest
class SandboxConsoleBrowserIT {

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
        meta.clearFaults();
        browser.close();
    }

    @Test
    void reviewActionsChangeGraphStateAndQueueTheirWebhooks() {
        page.navigate(url("/sandbox"));
        Locator phoneRow = page.locator("#phone-" + scene.phone().id());
        Browsers.screenshot(page, "sandbox-console-accounts");

        phoneRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aprovar nome"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("phone_number_name_update");
        assertThat(phoneField("name_status")).isEqualTo("APPROVED");
        assertThat(fields()).contains("phone_number_name_update");

        phoneRow.getByLabel("Motivo da reprovação").selectOption("NAME_NOT_CONSISTENT");
        phoneRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reprovar nome"))
                .click();
        assertThat(phoneField("name_status")).isEqualTo("DECLINED");
        assertThat(lastPayload("phone_number_name_update")).contains("NAME_NOT_CONSISTENT");

        phoneRow.getByLabel("Qualidade").selectOption("YELLOW");
        phoneRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aplicar"))
                .click();
        assertThat(phoneField("quality_rating")).isEqualTo("YELLOW");
        assertThat(lastPayload("phone_number_quality_update")).contains("FLAGGED");

        Locator waba = page.locator("#waba-" + scene.waba().id());
        waba.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Adiar análise"))
                .click();
        assertThat(lastPayload("account_review_update")).contains("DEFERRED");
        waba.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aprovar conta"))
                .click();
        assertThat(wabaField("account_review_status")).isEqualTo("APPROVED");
        assertThat(lastPayload("account_review_update")).contains("APPROVED");

        Locator business = page.locator("#business-" + scene.business().id());
        business.getByLabel("Limite de mensagens").selectOption("TIER_2K");
        business.locator("form:has(select[name=limit]) button").click();
        assertThat(phoneField("whatsapp_business_manager_messaging_limit")).isEqualTo("TIER_2K");
        assertThat(lastPayload("business_capability_update")).contains("TIER_2K");
        assertThat(lastPayload("phone_number_quality_update")).contains("THROUGHPUT_UPGRADE");
        assertThat(business).containsText("Regra do sandbox: ao subir o limite");
        business.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Subir limite de mensagens"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Limite subiu um nível");
        assertThat(phoneField("whatsapp_business_manager_messaging_limit")).isEqualTo("TIER_10K");

        waba.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Desativação da conta"))
                .selectOption("DISABLE");
        waba.locator("form:has(select[name=state]) button").click();
        assertThat(lastPayload("account_update")).contains("DISABLED_UPDATE");
        Graph.Answer health = graph.get("/" + scene.waba().id() + "?fields=health_status", scene.token());
        assertThat(health.body().path("health_status").path("can_send_message").asString())
                .isEqualTo("BLOCKED");
        Browsers.screenshot(page, "sandbox-console-accounts-after");

        business.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revogar tokens"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("erro 190");
        assertThat(graph.get("/" + scene.phone().id(), scene.token()).code()).isEqualTo(190);
    }

    @Test
    void theCustomerPhoneShowsWhatTheProductSentAndSendsInboundMessages() {
        scene.connected(meta, graph);
        page.navigate(url("/sandbox/console/phone?phone=" + scene.phone().id() + "&customer=%2B5511912345678"));
        page.getByPlaceholder("Mensagem").fill("Oi, meu pedido chegou?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar"))
                .click();
        assertThat(page.locator(".bubble.out")).hasText(java.util.regex.Pattern.compile("Oi, meu pedido chegou\\?"));
        assertThat(lastPayload("messages")).contains("Oi, meu pedido chegou?");

        // The window is open now: the product may answer with free text.
        Graph.Answer sent = graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                Map.of("messaging_product", "whatsapp", "to", "+5511912345678", "text", Map.of("body", "Chegou sim!")));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        assertThat(page.locator(".bubble.in")).containsText("Chegou sim!");
        Browsers.screenshot(page, "sandbox-console-customer-phone");
    }

    @Test
    void faultSwitchesMakeGraphFailUntilCleared() {
        page.navigate(url("/sandbox/console/faults"));
        Locator row = page.locator("#fault-phone-get");
        row.getByLabel("Tipo de falha").selectOption("http");
        row.getByLabel("Status HTTP").fill("503");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aplicar"))
                .click();
        assertThat(page.locator("#fault-phone-get")).containsText("HTTP 503");
        Browsers.screenshot(page, "sandbox-console-faults");
        assertThat(graph.get("/" + scene.phone().id(), scene.token()).status()).isEqualTo(503);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Limpar todas as falhas"))
                .click();
        assertThat(graph.get("/" + scene.phone().id(), scene.token()).status()).isEqualTo(200);
    }

    @Test
    void theWebhooksPageListsDeliveries() {
        meta.setReview(scene.waba().id(), "APPROVED");
        page.navigate(url("/sandbox/console/webhooks"));
        assertThat(page.locator("table.deliveries")).containsText("account_review_update");
        Browsers.screenshot(page, "sandbox-console-webhooks");
    }

    @Test
    void theWebhooksPageShowsItsSettingsAsPeopleSayThem() {
        page.navigate(url("/sandbox/console/webhooks"));

        Locator settings = page.getByText("Duplicatas:");
        assertThat(settings).containsText("Duplicatas: desligadas");
        assertThat(settings).containsText("a partir de 1 min");
        assertThat(settings).containsText("a cada 4 h");
        assertThat(settings).containsText("por até 7 dias");
        assertThat(settings).not().containsText("PT");
        assertThat(settings).not().containsText("false");
        shot("sandbox-console-webhooks");
    }

    @Test
    void everyFieldOnTheFaultsPageHasAVisibleLabel() {
        page.navigate(url("/sandbox/console/faults"));

        java.util.List<?> unlabeled = (java.util.List<?>) page.evaluate("""
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter(field => ![...field.labels].some(label =>
                    label.textContent.trim() && label.checkVisibility()))
                  .map(field => field.outerHTML)""");
        assertThat(unlabeled).isEmpty();
        assertThat(page.getByLabel("Latência em milissegundos").first()).isVisible();
        shot("sandbox-console-faults");
    }

    @Test
    void theCustomerPhoneStartsWithACustomerWhoIsNotTheBusiness() {
        // the number the popup suggests as an example, and the customer the phone page used to start with
        String businessNumber = "+5511912345678";
        String phoneId =
                meta.addPhone(scene.waba().id(), businessNumber, "Loja Exemplo").id();

        page.navigate(url("/sandbox/console/phone?phone=" + phoneId));

        String customer = page.getByLabel("Número do cliente").inputValue();
        assertThat(customer).isNotEqualTo(businessNumber).matches("\\+55[1-9][1-9]9\\d{8}");
        shot("sandbox-console-phone");
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(java.nio.file.Paths.get("/tmp/shots", name + ".png"))
                .setFullPage(true));
    }

    private String phoneField(String field) {
        return graph.get("/" + scene.phone().id() + "?fields=" + field, scene.token())
                .body()
                .path(field)
                .asString();
    }

    private String wabaField(String field) {
        return graph.get("/" + scene.waba().id() + "?fields=" + field, scene.token())
                .body()
                .path(field)
                .asString();
    }

    private java.util.List<String> fields() {
        return deliveries.forEntry(scene.waba().id()).stream()
                .map(WebhookDelivery::field)
                .toList();
    }

    private String lastPayload(String field) {
        return deliveries.forEntry(scene.waba().id()).stream()
                .filter(delivery -> delivery.field().equals(field))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + field + " webhook planned"))
                .payload();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
