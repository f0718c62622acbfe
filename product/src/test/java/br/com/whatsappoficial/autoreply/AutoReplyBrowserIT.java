package br.com.whatsappoficial.autoreply;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The automatic reply in a real Chromium: the merchant turns it on and watches the preview follow the
 * typing, the customer writes from the sandbox's phone and gets the reply with its link button, answers it,
 * and the history tells what was sent and what not. Screenshots at 1280 and 390 px go to
 * /tmp/shots-autoreply.
 */
@PostgresIntegrationTest
@Import(SendingStores.class)
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class AutoReplyBrowserIT {

    static final Path SHOTS = Path.of("/tmp/shots-autoreply");
    static final String PAGE = "/configuracoes/whatsapp-oficial/resposta-automatica";

    /** The phone polls its conversation every 3 s, after the webhook and the outbox did their part. */
    static final LocatorAssertions.IsVisibleOptions PATIENT =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    @LocalServerPort
    int port;

    @Autowired
    SendingStores stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    StoreDirectory directory;

    @Autowired
    JdbcClient jdbc;

    BrowserContext browser;
    Page page;
    Shop shop;
    String email;

    @BeforeEach
    void aConnectedStoreAndAnAdmin() {
        shop = stores.connected("resposta-jornada");
        email = "dona-" + UUID.randomUUID() + "@resposta.example";
        StoreFixtures.addAdmin(jdbc, directory, shop.store(), email, "senha-admin-1");
        browser = Browsers.chromium().newContext(Browsers.brazilian());
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theMerchantTurnsItOnTheCustomerGetsTheLinkButtonAndTheHistoryTellsWhy() {
        Browsers.logIn(page, url(""), email, "senha-admin-1");
        page.navigate(url(PAGE));
        assertThat(page.getByTestId("no-history")).isVisible();
        shot("page-1280-1-off");
        phoneShot("page-390-1-off");

        page.getByTestId("enabled").check();
        page.getByLabel("Texto da resposta").fill("Oi! Já vamos responder. Enquanto isso, veja as novidades:");
        assertThat(page.getByTestId("preview-body"))
                .hasText("Oi! Já vamos responder. Enquanto isso, veja as novidades:");
        page.getByLabel("Texto do botão").fill("Ver novidades");
        page.getByLabel("Link do botão").fill("https://loja.example/novidades");
        page.getByTestId("mode-ALWAYS").check();
        assertThat(page.getByTestId("preview-button")).hasText("Ver novidades");
        assertThat(page.getByTestId("preview-link"))
                .hasText("https://loja.example/novidades?utm_source=whatsapp&utm_medium=resposta-automatica"
                        + "&utm_campaign=sempre");
        page.getByTestId("save").click();
        assertThat(page.getByTestId("saved")).isVisible();
        shot("page-1280-2-on");
        phoneShot("page-390-2-on");

        String customer = "+55119" + SendingStores.plainEightDigits();
        page.navigate(url("/sandbox/console/phone?phone=" + shop.phone().id() + "&customer=" + customer + "&name=Bia"));
        page.locator("#body").fill("Oi, vocês entregam em Campinas?");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Enviar").setExact(true))
                .click();
        Locator reply = page.getByTestId("bubble").filter(new Locator.FilterOptions().setHasText("Ver novidades"));
        assertThat(reply).isVisible(PATIENT);
        assertThat(reply.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ver novidades")))
                .hasAttribute("href", Pattern.compile("^https://loja\\.example/novidades\\?utm_source=whatsapp"));
        shot("sandbox-phone-1280-1-reply");
        phoneShot("sandbox-phone-390-1-reply");

        reply.getByTestId("bubble-reply").click();
        assertThat(page.getByTestId("compose-quote")).containsText("Oi! Já vamos responder.");
        page.locator("#body").fill("Obrigada! Vou olhar.");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Enviar").setExact(true))
                .click();
        Locator answer =
                page.getByTestId("bubble").filter(new Locator.FilterOptions().setHasText("Obrigada! Vou olhar."));
        assertThat(answer.getByTestId("bubble-quote")).containsText("Oi! Já vamos responder.");
        shot("sandbox-phone-1280-2-answered");
        phoneShot("sandbox-phone-390-2-answered");

        // The second message is decided in the background: the page shows it once it was.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from autoreply_decisions where store_id = ?")
                                .param(shop.store().value())
                                .query(Long.class)
                                .single()
                        == 2);
        page.navigate(url(PAGE));
        Locator entries = page.getByTestId("history-entry");
        Locator skipped = entries.filter(new Locator.FilterOptions().setHasText("Obrigada! Vou olhar."));
        assertThat(skipped.getByTestId("history-reason")).hasText("Já respondido há pouco (intervalo por cliente)");
        Locator sent = entries.filter(new Locator.FilterOptions().setHasText("Oi, vocês entregam em Campinas?"));
        assertThat(sent.getByTestId("history-result")).hasText("Enviada");
        assertThat(sent.getByTestId("history-reason")).hasText("Responde sempre");
        assertThat(sent.getByTestId("history-customer")).hasText(Pattern.compile("^\\+55 11 9\\d{4}-\\d{4}$"));
        page.getByTestId("history-entry").first().scrollIntoViewIfNeeded();
        shot("page-1280-3-history");
        phoneShot("page-390-3-history");

        // The card as the connected view shows it: in a grid cell about 360 px wide, with the product's styles.
        String card = page.request().get(url(PAGE + "/cartao")).text();
        page.setViewportSize(420, 400);
        page.setContent("<link rel=\"stylesheet\" href=\"" + url("/css/app.css") + "\">"
                + "<main class=\"content\"><div class=\"cards\">" + card + "</div></main>");
        assertThat(page.getByTestId("autoreply-state")).hasText("Ligada · responde sempre");
        shot("card-360");
        page.setViewportSize(1280, 800);
    }

    private void shot(String name) {
        Browsers.fullScreenshot(page, SHOTS.resolve(name + ".png"));
    }

    /** The same state on a phone, then back to the laptop's width. */
    private void phoneShot(String name) {
        Browsers.phoneScreenshot(page, SHOTS.resolve(name + ".png"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
