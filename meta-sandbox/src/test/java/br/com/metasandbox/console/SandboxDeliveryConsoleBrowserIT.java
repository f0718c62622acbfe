package br.com.metasandbox.console;

import static br.com.metasandbox.SandboxTemplateFixtures.message;
import static br.com.metasandbox.SandboxTemplateFixtures.send;
import static br.com.metasandbox.SandboxTemplateFixtures.texts;
import static br.com.metasandbox.SandboxTemplateFixtures.urlButton;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.PlannedStatuses;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.SandboxTemplateFixtures;
import br.com.metasandbox.state.DeliveryScripts;
import br.com.metasandbox.state.WaId;
import br.com.metasandbox.webhooks.WebhookDeliveries;
import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's delivery page and the customer phone in a real Chromium: the rules a tester reads, a customer
 * scripted by hand, and a template shown as the customer would see it, filled in, with its buttons.
 */
@PostgresIntegrationTest
class SandboxDeliveryConsoleBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxMeta meta;

    @Autowired
    DeliveryScripts scripts;

    @Autowired
    WebhookDeliveries deliveries;

    BrowserContext browser;
    Page page;
    Graph graph;
    SandboxScene scene;

    @BeforeEach
    void open() {
        browser = Browsers.chromium()
                .newContext(new Browser.NewContextOptions().setLocale("pt-BR").setViewportSize(1280, 1000));
        page = browser.newPage();
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph).connected(meta, graph);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void theDeliveryPageListsTheRulesAndTheLimitAndScriptsACustomer() {
        page.navigate(url("/sandbox/console/delivery"));

        Locator rules = page.getByTestId("delivery-rules");
        assertThat(rules.getByTestId("delivery-rule")).hasCount(8);
        assertThat(page.locator("#rule-9999")).containsText("#131026");
        assertThat(page.locator("#rule-1047")).containsText("#131047");
        assertThat(page.locator("#rule-1049")).containsText("#131049");
        assertThat(page.locator("#rule-1050")).containsText("#131050");
        assertThat(page.locator("#rule-0472")).containsText("#130472");
        assertThat(page.locator("#rule-8000")).containsText("nunca lida");
        assertThat(page.locator("#rule-8030")).containsText("30 s de atraso");
        assertThat(page.locator("#rule-8111")).containsText("fora de ordem");
        Locator limit = page.getByTestId("delivery-limit");
        assertThat(limit).containsText("131048");
        assertThat(limit).containsText("escolhido pelo sandbox");
        assertThat(page.locator("#usage-" + scene.business().id())).containsText("0 / 250");

        String customer = PlannedStatuses.customerEndingIn("1234");
        Locator form = page.getByTestId("delivery-scripts");
        form.getByLabel("Número do cliente").fill(customer);
        form.getByLabel("O que acontece").selectOption("LATE");
        form.getByLabel("Atraso (s)").fill("12");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Definir"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("entrega definida");
        String waId = WaId.fromRecipient(customer).value();
        assertThat(page.locator("#script-" + waId)).containsText("12 s de atraso");
        assertThat(scripts.scriptFor(waId))
                .get()
                .extracting(DeliveryScripts.Script::delaySeconds)
                .isEqualTo(12);
        Browsers.screenshot(page, "sandbox-console-delivery");

        page.locator("#script-" + waId)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remover"))
                .click();
        assertThat(page.locator("#script-" + waId)).hasCount(0);
        assertThat(scripts.scriptFor(waId)).isEmpty();
    }

    @Test
    void theRatesCardShowsMetasRulesAndTheSandboxsChoicesAndSwitchesAPauseAndAHold() {
        page.navigate(url("/sandbox/console/delivery"));

        Locator rates = page.getByTestId("delivery-rates");
        assertThat(rates).containsText("130429");
        assertThat(rates).containsText("131056");
        assertThat(rates).containsText("held_for_quality_assessment");
        assertThat(rates).containsText("rajada de até 45 mensagens");
        Locator number = page.locator("#rate-" + scene.phone().id());
        assertThat(number).containsText("80");
        number.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pausar"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("131048");
        assertThat(page.locator("#rate-" + scene.phone().id())).containsText("pausado");
        page.locator("#hold-" + scene.waba().id())
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reter"))
                .click();
        assertThat(page.locator("#hold-" + scene.waba().id())).containsText("retidos");
        Browsers.screenshot(page, "sandbox-console-rates");
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, "sandbox-console-rates-390");

        page.locator("#rate-" + scene.phone().id())
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retomar"))
                .click();
        assertThat(page.locator("#rate-" + scene.phone().id())).not().containsText("pausado");
    }

    @Test
    void theCustomerPhoneShowsATemplateFilledInAndTheCustomerCanReply() {
        SandboxTemplateFixtures.approved(meta, graph, scene, SandboxTemplateFixtures.orderShipped("pedido_enviado"));
        String customer = PlannedStatuses.customerEndingIn("1234");
        Graph.Answer sent = graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                message(
                        customer,
                        send(
                                "pedido_enviado",
                                List.of(texts("header", "42"), texts("body", "Ana", "sexta"), urlButton(0, "42"))),
                        null));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);

        page.navigate(url("/sandbox/console/phone?phone=" + scene.phone().id() + "&customer="
                + URLEncoder.encode(customer, StandardCharsets.UTF_8)));

        Locator bubble = page.getByTestId("bubble").first();
        assertThat(bubble.getByTestId("bubble-header")).hasText("Pedido 42");
        assertThat(bubble.getByTestId("bubble-text"))
                .hasText("Olá Ana, seu pedido saiu para entrega e chega até sexta.");
        assertThat(bubble.getByTestId("bubble-footer")).hasText("Loja Exemplo");
        assertThat(bubble.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Acompanhar pedido")))
                .hasAttribute("href", "https://loja.com.br/pedidos/42");
        assertThat(bubble).containsText("Parar promoções");
        assertThat(page.getByText("Regras do sandbox")).isVisible();
        Browsers.screenshot(page, "sandbox-console-phone-template");

        page.getByPlaceholder("Mensagem").fill("Chegou, obrigada!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar"))
                .click();
        assertThat(page.locator(".bubble.out")).containsText("Chegou, obrigada!");
        assertThat(deliveries.forEntry(scene.waba().id()))
                .anySatisfy(delivery -> assertThat(delivery.payload()).contains("Chegou, obrigada!"));

        // The reply opened the window: a CTA URL message may go now, and shows its button as a link.
        Graph.Answer cta = graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                Map.of(
                        "messaging_product",
                        "whatsapp",
                        "to",
                        customer,
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
                                        Map.of("display_text", "Ver loja", "url", "https://loja.com.br/?c=42")))));
        assertThat(cta.status()).as(cta.body().toString()).isEqualTo(200);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ver loja")))
                .hasAttribute("href", "https://loja.com.br/?c=42");
        Browsers.screenshot(page, "sandbox-console-phone-conversation");
    }

    @Test
    void theDeliveryPageReadsInEnglishWithItsApostrophes() {
        try (BrowserContext english = Browsers.chromium()
                .newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 1000))) {
            Page englishPage = english.newPage();
            englishPage.navigate(url("/sandbox/console/delivery"));

            assertThat(englishPage.locator("#rule-8111")).containsText("each with its event's time");
            assertThat(englishPage.locator("#rule-1047")).containsText("the customer's last message");
            assertThat(englishPage.getByTestId("delivery-limit"))
                    .containsText("131048 (Spam rate limit hit), the sandbox's choice");
            Browsers.screenshot(englishPage, "sandbox-console-delivery-en");
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
