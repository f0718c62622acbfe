package br.com.whatsappoficial.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.SignupPopup;
import br.com.whatsappoficial.store.StoreDirectory;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Merchants run their shop from the phone: every merchant page fits a 390 px wide screen (an iPhone 14)
 * without horizontal scrolling, logged in, with a connected number on the status page.
 */
@PostgresIntegrationTest
class PhoneLayoutBrowserIT {

    static final int PHONE_WIDTH = 390;

    /** Each page a merchant can reach from the menu and the wizard, by screenshot name. */
    static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("painel", "/");
        PAGES.put("configuracoes", "/configuracoes");
        PAGES.put("passo-1", "/configuracoes/whatsapp-oficial/orientacoes");
        PAGES.put("passo-2", "/configuracoes/whatsapp-oficial/conectar");
        PAGES.put("passo-3-status", "/configuracoes/whatsapp-oficial/status");
        PAGES.put("api-keys", "/configuracoes/whatsapp-oficial/api");
        PAGES.put("modelos", "/configuracoes/whatsapp-oficial/modelos");
        PAGES.put("modelos-novo", "/configuracoes/whatsapp-oficial/modelos/novo");
        PAGES.put("envios", "/configuracoes/whatsapp-oficial/envios");
        PAGES.put("suporte", "/configuracoes/whatsapp-oficial/suporte");
        PAGES.put("erro-404", "/configuracoes/nao-existe");
    }

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory stores;

    BrowserContext browser;
    Page page;
    String run;

    @BeforeEach
    void connectedStore() {
        run = UUID.randomUUID().toString().substring(0, 8);
        String email = "flor-" + run + "@loja-com-nome-comprido.example";
        stores.create("Floricultura Jardim das Acácias " + run, "Florência Albuquerque", email, "senha-flor-1");
        browser = Browsers.brazilianContext();
        page = browser.newPage();

        page.setViewportSize(PHONE_WIDTH, 844);
        page.navigate(url("/login"));
        assertFits("login");
        page.setViewportSize(1280, 900);

        Browsers.logIn(page, url(""), email, "senha-flor-1");
        SignupPopup.connect(page, url(""), run);
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
        assertThat(page.getByTestId("waba-id")).isVisible();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void everyMerchantPageFitsAPhone() {
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (var each : PAGES.entrySet()) {
            page.setViewportSize(1280, 900);
            page.navigate(url(each.getValue()));
            Browsers.screenshot(page, "50-1280-" + each.getKey());
            widths.put(
                    each.getKey() + " at 1280",
                    ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue() - 1280 + PHONE_WIDTH);

            page.setViewportSize(PHONE_WIDTH, 844);
            page.reload();
            widths.put(each.getKey(), scrollWidth(each.getKey()));
        }
        assertThat(widths)
                .allSatisfy((name, width) -> assertThat(width).as(name).isLessThanOrEqualTo(PHONE_WIDTH));
    }

    @Test
    void theIntegrationCardKeepsItsButtonsInsideOnADesktop() {
        page.setViewportSize(1280, 900);
        page.navigate(url("/configuracoes"));
        // the card the page loads from its module replaces the placeholder
        page.locator(".integration-slot")
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));

        var card = page.locator("#whatsapp-oficial").boundingBox();
        for (var button : page.locator("#whatsapp-oficial .actions a").all()) {
            var box = button.boundingBox();
            assertThat(box.x + box.width).as(button.textContent()).isLessThanOrEqualTo(card.x + card.width);
        }
    }

    @Test
    void headerKeepsTheStoreLanguageAndSairOnAPhone() {
        page.setViewportSize(PHONE_WIDTH, 844);
        page.navigate(url("/"));

        for (var item : new String[] {"Floricultura Jardim das Acácias " + run, "English"}) {
            var box = page.locator("header.topbar").getByText(item).boundingBox();
            assertThat(box.x + box.width).as(item).isLessThanOrEqualTo(PHONE_WIDTH);
        }
        var sair = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sair"))
                .boundingBox();
        assertThat(sair.x + sair.width).isLessThanOrEqualTo(PHONE_WIDTH);
    }

    @Test
    void statusShowsEveryColumnOfANumberOnAPhone() {
        page.setViewportSize(PHONE_WIDTH, 844);
        page.navigate(url("/configuracoes/whatsapp-oficial/status"));

        for (var testId : new String[] {"waba-id", "number", "number-status", "proactive-limit"}) {
            var box = page.getByTestId(testId).boundingBox();
            assertThat(box.x + box.width).as(testId).isLessThanOrEqualTo(PHONE_WIDTH);
        }
    }

    private void assertFits(String name) {
        assertThat(scrollWidth(name)).as(name + " scrollWidth").isLessThanOrEqualTo(PHONE_WIDTH);
    }

    /** How wide the document is at 390 px: wider means the merchant scrolls sideways. */
    private int scrollWidth(String name) {
        Browsers.screenshot(page, "51-390-" + name);
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
