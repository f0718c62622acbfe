package br.com.whatsappoficial.accounttest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.store.CurrentStore;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The merchant's Testar a conta in a real Chromium: the run goes green through the sandbox's phone (the
 * "telefone da loja" reads the template and opens the wa.me link with the code, then sends it), and with the
 * webhook subscription removed the next run fails at that step with its reason. Screenshots at 1280 and 390
 * px go to /tmp/shots-accounttest.
 */
@PostgresIntegrationTest
@Import(SendingStores.class)
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class AccountTestBrowserIT {

    static final Path SHOTS = Path.of("/tmp/shots-accounttest");
    static final LocatorAssertions.HasTextOptions WEBHOOK_WAIT =
            new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @LocalServerPort
    int port;

    @Autowired
    SendingStores stores;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    GraphAccounts wabas;

    BrowserContext browser;
    Page page;
    Shop shop;

    @BeforeEach
    void aConnectedStoreReadyToTest() {
        shop = TestedShops.ready(stores, accounts, wabas, "jornada");
        browser = Browsers.chromium().newContext(Browsers.brazilian());
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theMerchantProvesTheNumberWorksThenSeesWhyARunFailed() {
        Browsers.logIn(page, url(""), shop.email(), shop.password());
        page.navigate(url(AccountTestController.PATH));
        assertThat(page.getByTestId("test-template")).containsText("teste_");
        shot("1-before");

        page.getByLabel("Seu celular").fill("+55 11 99876-2345");
        page.getByTestId("start-test").click();
        Locator verdict = page.getByTestId("verdict");
        assertThat(verdict).hasText("Em andamento…");
        assertThat(step("READ"))
                .hasClass(Pattern.compile("passed"), new LocatorAssertions.HasClassOptions().setTimeout(30_000));
        assertThat(step("READ").getByTestId("latency")).hasText(Pattern.compile("\\d+,\\d s depois do envio"));
        shot("2-waiting-for-code");
        String link = page.getByTestId("wa-me-link").getAttribute("href");

        Page phone = browser.newPage();
        phone.navigate(url("/sandbox/console/phone?phone=" + shop.phone().id()));
        phone.getByTestId("store-owner-persona").click();
        assertThat(phone.getByTestId("bubble-text").first()).hasText("Seu número está funcionando.");
        phone.getByPlaceholder("Cole um link wa.me (ou o do QR code)").fill(link);
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abrir link"))
                .click();
        assertThat(phone.locator("#body")).hasValue(Pattern.compile("TESTE-[2-9A-Z]{6}"));
        Browsers.fullScreenshot(phone, SHOTS.resolve("sandbox-phone-1280.png"));
        Browsers.phoneScreenshot(phone, SHOTS.resolve("sandbox-phone-390.png"));
        phone.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Enviar").setExact(true))
                .click();

        assertThat(verdict).hasText("Tudo certo: o número envia e recebe mensagens.", WEBHOOK_WAIT);
        assertThat(step("INBOUND").getByTestId("latency")).hasText(Pattern.compile("ida e volta em \\d+,\\d s"));
        assertThat(page.getByTestId("history-run").first()).containsText("Tudo certo");
        assertThat(page.getByTestId("history-run")).hasCount(1);
        shot("3-passed");

        CurrentStore.runAs(
                shop.store(),
                () -> wabas.unsubscribeApp(
                        accounts.businessToken(shop.waba().id()).orElseThrow(),
                        shop.waba().id()));
        page.getByLabel("Seu celular").fill("+55 11 99876-2345");
        page.getByTestId("start-test").click();
        assertThat(verdict).hasText("Falhou em: Webhooks assinados.");
        assertThat(step("WEBHOOKS").getByTestId("reason")).containsText("não está assinado nos webhooks");
        assertThat(page.getByTestId("history-run")).hasCount(2);
        shot("4-failed");

        page.getByLabel("Seu celular").fill(shop.phone().displayPhoneNumber());
        page.getByTestId("start-test").click();
        assertThat(page.getByTestId("start-error")).containsText("Esse é o número da loja");
        shot("5-own-number");

        card();
    }

    /** The connected view's card, in a grid cell as the shell lays it out. */
    private void card() {
        String fragment =
                page.request().get(url(AccountTestController.PATH + "/cartao")).text();
        page.setContent("<html><head><link rel=stylesheet href='" + url("/css/app.css") + "'></head>"
                + "<body><main class='content'><div class='cards' style='max-width:760px'>" + fragment + fragment
                + "</div></main></body></html>");
        assertThat(page.getByTestId("card-state").first()).containsText("Falhou em: Webhooks assinados.");
        Browsers.fullScreenshot(page, SHOTS.resolve("card-1280.png"));
        Browsers.phoneScreenshot(page, SHOTS.resolve("card-390.png"));
    }

    private Locator step(String name) {
        return page.locator("[data-step=" + name + "]");
    }

    private void shot(String name) {
        Browsers.fullScreenshot(page, SHOTS.resolve("testar-conta-1280-" + name + ".png"));
        Browsers.phoneScreenshot(page, SHOTS.resolve("testar-conta-390-" + name + ".png"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
