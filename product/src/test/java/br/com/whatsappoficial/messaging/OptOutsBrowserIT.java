package br.com.whatsappoficial.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * The merchant's Descadastros page in a real Chromium: customers who wrote PARAR or stopped promotions on
 * the sandbox's phone are listed with the reason in pt-BR, the admin adds one and lifts another. Screenshots
 * at 1280 and 390 px (the page and the sandbox phone with its new button) go to /tmp/shots.
 */
@PostgresIntegrationTest
@Import(SendingStores.class)
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class OptOutsBrowserIT {

    static final Path SHOTS = Path.of("/tmp/shots");

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

    @Autowired
    OptOuts optOuts;

    BrowserContext browser;
    Page page;
    Shop shop;
    String email;

    @BeforeEach
    void aConnectedStoreAndAnAdmin() {
        shop = stores.connected("jornada");
        email = "dona-" + UUID.randomUUID() + "@jornada.example";
        StoreFixtures.addAdmin(jdbc, directory, shop.store(), email, "senha-admin-1");
        browser = Browsers.chromium().newContext(Browsers.brazilian());
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theMerchantSeesWhoLeftAddsANumberAndLiftsAnEntry() {
        String stopped = "+55 31 9" + SendingStores.plainEightDigits();
        String promotions = "+55 21 9" + SendingStores.plainEightDigits();
        sandbox.customerSends(shop.phone().id(), stopped, "Ana", "PARAR");
        page.navigate(url("/sandbox/console/phone?phone=" + shop.phone().id() + "&customer="
                + promotions.replace(" ", "") + "&name=Bia"));
        page.getByTestId("marketing-toggle").click();
        assertThat(page.getByTestId("marketing-toggle")).hasText("Retomar promoções");
        shot("sandbox-phone-1280");
        phoneShot("sandbox-phone-390");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        CurrentStore.callAs(shop.store(), () -> optOuts.list().size() == 2));

        Browsers.logIn(page, url(""), email, "senha-admin-1");
        page.navigate(url("/configuracoes/whatsapp-oficial"));
        page.getByTestId("opt-outs-link").click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/descadastros$"));
        Locator byMessage = page.getByTestId("opt-out").filter(new Locator.FilterOptions().setHasText("PARAR"));
        assertThat(byMessage.getByTestId("opt-out-customer")).hasText(display(stopped));
        assertThat(byMessage.getByTestId("opt-out-source")).hasText("Pediu para sair por mensagem");
        assertThat(byMessage.getByTestId("opt-out-when"))
                .hasText(Pattern.compile("\\d{2}/\\d{2}/\\d{4} às \\d{2}:\\d{2}"));
        Locator byPhone =
                page.getByTestId("opt-out").filter(new Locator.FilterOptions().setHasText(display(promotions)));
        assertThat(byPhone.getByTestId("opt-out-source")).hasText("Parou as promoções da loja no WhatsApp");
        shot("descadastros-1280-1-list");
        phoneShot("descadastros-390-1-list");

        page.getByLabel("Incluir um número na lista").fill("(11) 91234-5678");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Incluir").setExact(true))
                .click();
        assertThat(page.getByTestId("added")).containsText("+55 11 91234-5678");
        assertThat(page.getByTestId("opt-out")).hasCount(3);

        byMessage
                .getByText("Remover da lista", new Locator.GetByTextOptions().setExact(true))
                .click();
        assertThat(byMessage.getByText("A loja volta a poder enviar campanhas")).isVisible();
        shot("descadastros-1280-2-confirm");
        phoneShot("descadastros-390-2-confirm");
        byMessage
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sim, remover"))
                .click();

        assertThat(page.getByTestId("lifted")).containsText(display(stopped));
        assertThat(page.getByTestId("opt-out")).hasCount(2);
        shot("descadastros-1280-3-lifted");
        phoneShot("descadastros-390-3-lifted");
        assertThat(CurrentStore.callAs(shop.store(), () -> optOuts.list().size()))
                .isEqualTo(2);
    }

    private static String display(String typed) {
        return Recipient.ofNumber(typed).orElseThrow().display();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("optouts-" + name + ".png"))
                .setFullPage(true));
    }

    /** The same state on a phone, then back to the laptop's width. */
    private void phoneShot(String name) {
        page.setViewportSize(390, 844);
        shot(name);
        page.setViewportSize(1280, 800);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
