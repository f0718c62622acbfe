package br.com.whatsappoficial.onboarding;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxWaba;
import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.MetaWindowMessages;
import br.com.whatsappoficial.store.StoreDirectory;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A merchant who connected before comes back, on a computer and on a phone: the Painel shows the state of
 * each number and leads to the status; Configurações › Abrir leads there too; after Meta stops accepting
 * the authorization, reconnecting a WABA that already has its three numbers re-authorizes them without
 * asking for a fourth; a second WABA connected later shows beside the first. No page scrolls sideways.
 */
@PostgresIntegrationTest
@TestPropertySource(
        properties = {
            "onboarding.registration-poll=200ms",
            "sandbox.webhooks.poll-interval=200ms",
            "account.reconciliation-poll=200ms"
        })
class ReturningMerchantBrowserIT {

    static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @LocalServerPort
    int port;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    StoreDirectory stores;

    BrowserContext browser;
    Page page;
    String size;

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"desktop, 1280, 900", "phone, 390, 844"})
    void comesBackToThePainelReconnectsThreeNumbersAndAddsASecondWaba(String size, int width, int height) {
        this.size = size;
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "rita-" + run + "@loja.example";
        stores.create("Loja Rita " + run, "Rita Melo", email, "senha-rita-1");
        browser = Browsers.chromium().newContext(Browsers.brazilian().setViewportSize(width, height));
        page = browser.newPage();
        Browsers.logIn(page, url(""), email, "senha-rita-1");

        SandboxBusiness business = sandbox.createBusiness("Loja Rita " + run + " Ltda");
        SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Rita");
        List<SandboxPhone> phones = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SandboxPhone phone = sandbox.addPhone(waba.id(), mobile(), "Loja Rita");
            sandbox.verifyPhone(phone.id());
            finishAt(business, waba, phone);
            phones.add(phone);
        }
        sandbox.setReview(waba.id(), "APPROVED");
        phones.forEach(phone -> sandbox.approveDisplayName(phone.id()));
        assertThat(page.getByTestId("number-status")).hasText(new String[] {"Ativa", "Ativa", "Ativa"}, SLOW);

        // Back another day: the Painel says how each number is, and leads to the status.
        page.navigate(url("/"));
        assertThat(page.getByTestId("painel-status")).hasText(new String[] {"Ativa", "Ativa", "Ativa"});
        fitsTheScreen("painel");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ver o status"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
        fitsTheScreen("status");

        // Configurações › Abrir leads a connected store to its status, not to step 1.
        page.navigate(url("/configuracoes"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Abrir"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));

        // Meta stops accepting the authorization; the product finds out at its next read of the number, here
        // the one a quality change makes. Reconnecting shares the same WABA, without a new number.
        sandbox.revokeTokens(business.id());
        sandbox.setQuality(phones.get(0).id(), "YELLOW");
        Locator banner = page.locator(".alert-error");
        assertThat(banner)
                .containsText(
                        "para enviar é preciso reconectar",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        fitsTheScreen("reconectar");
        banner.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reconectar"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/conectar$"));
        page.waitForLoadState(LoadState.LOAD);
        MetaWindowMessages.finishOnlyWaba(page, business.id(), waba.id(), sandbox.issueCode(business.id()));
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
        assertThat(page.locator(".alert-error")).isHidden();
        assertThat(page.getByTestId("number")).hasCount(3);
        assertThat(page.locator(".timeline")).containsText("Conta reconectada");
        fitsTheScreen("reconectada");

        // Later a second WABA: both are shown, each with its numbers.
        SandboxWaba second = sandbox.createWaba(business.id(), "Loja Rita Atacado");
        SandboxPhone other = sandbox.addPhone(second.id(), mobile(), "Loja Rita Atacado");
        sandbox.verifyPhone(other.id());
        finishAt(business, second, other);
        assertThat(page.getByTestId("waba-heading")).hasCount(2);
        assertThat(page.getByTestId("waba-id")).hasText(new String[] {waba.id(), second.id()});
        assertThat(page.getByTestId("number")).hasCount(4);
        fitsTheScreen("segunda-waba");
        page.navigate(url("/"));
        assertThat(page.getByTestId("painel-number")).hasCount(4);
        fitsTheScreen("painel-duas-wabas");
    }

    private void fitsTheScreen(String state) {
        Browsers.screenshot(page, "20-retorno-" + size + "-" + state);
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as(state + " scrolls sideways at " + size)
                .isTrue();
    }

    private void finishAt(SandboxBusiness business, SandboxWaba waba, SandboxPhone phone) {
        page.navigate(url("/configuracoes/whatsapp-oficial/conectar"));
        page.waitForLoadState(LoadState.LOAD);
        MetaWindowMessages.finish(page, business.id(), waba.id(), phone.id(), sandbox.issueCode(business.id()));
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
    }

    private static String mobile() {
        return "+551197" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
