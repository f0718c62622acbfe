package br.com.whatsappoficial.onboarding;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.metasandbox.SandboxBusinessApp;
import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.StoreDirectory;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A merchant who lives in the WhatsApp Business app, in a real Chromium through the sandbox: "Já uso o
 * WhatsApp Business no celular" → Meta's window in its business-app flow → connected without register →
 * the app's contacts and history arrive with visible progress → a message sent from the (simulated) app
 * shows up beside the customer's open window → the merchant leaves coexistence and the status says so.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"onboarding.registration-poll=200ms"})
class BusinessAppBrowserIT {

    static final LocatorAssertions.HasTextOptions PATIENTLY = new LocatorAssertions.HasTextOptions().setTimeout(40_000);
    static final LocatorAssertions.ContainsTextOptions PATIENT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(40_000);

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    SandboxBusinessApp businessApp;

    BrowserContext browser;
    Page page;
    String run;

    @BeforeEach
    void merchantLoggedIn() {
        run = UUID.randomUUID().toString().substring(0, 8);
        String email = "lia-" + run + "@loja.example";
        stores.create("Loja Lia " + run, "Lia Prado", email, "senha-lia-123");
        browser = Browsers.brazilianContext();
        page = browser.newPage();
        Browsers.logIn(page, url(""), email, "senha-lia-123");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Olá, Lia Prado!")))
                .isVisible();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void fromTheBusinessAppToConnectedSyncedAnsweredAndLeft() {
        // Step 1 keeps the usual path's rule and points to the app's own path.
        page.navigate(url("/configuracoes/whatsapp-oficial/orientacoes"));
        assertThat(page.getByTestId("business-app-path")).containsText("Já uso o WhatsApp Business no celular");
        screenshots("59-coexistencia-passo-1");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continuar"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/conectar$"));
        page.waitForLoadState(LoadState.LOAD);
        Locator option = page.getByTestId("business-app-option");
        assertThat(option.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(3)))
                .hasText("Já uso o WhatsApp Business no celular");
        assertThat(option.getByTestId("business-app-prerequisites")).containsText("20 mensagens por segundo");
        screenshots("60-coexistencia-passo-2");

        Page popup = page.waitForPopup(() -> page.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Conectar mantendo o aplicativo"))
                .click());
        throughProfile(popup);
        assertThat(popup.getByRole(AriaRole.HEADING)).hasText("Conecte o número do seu aplicativo WhatsApp Business");
        assertThat(popup.getByTestId("business-app-rule")).containsText("Regra do sandbox");
        String mobile = "+55119" + ThreadLocalRandom.current().nextInt(1000_0000, 9999_9999);
        popup.getByLabel("Número de telefone").fill(mobile.substring(3));
        Browsers.screenshot(popup, "61-coexistencia-janela-da-meta-numero");
        next(popup);
        popup.getByLabel("Código de verificação")
                .fill(popup.locator("[data-otp]").textContent().strip());
        next(popup);
        assertThat(popup.getByTestId("share-history").getByRole(AriaRole.CHECKBOX))
                .isChecked();
        Browsers.screenshot(popup, "62-coexistencia-janela-da-meta-permissoes");
        Browsers.clickClosing(
                popup, popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmar")));

        // Connected without register: the app's contacts and history come in, with their progress.
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
        Locator sync = page.getByTestId("app-sync");
        assertThat(sync).containsText("Aplicativo WhatsApp Business");
        assertThat(sync.getByTestId("app-history-progress"))
                .hasText("Histórico completo: 5 partes recebidas", PATIENTLY);
        assertThat(sync.getByTestId("app-contacts")).hasText("3 contatos recebidos", PATIENTLY);
        assertThat(page.locator(".timeline"))
                .containsText("Número conectado mantendo o aplicativo WhatsApp Business (sem registro)");
        assertThat(page.locator(".timeline")).not().containsText("Número registrado na API oficial");
        screenshots("63-coexistencia-sincronizado");

        // Ana writes to the number, which opens her window; the merchant answers her from the app.
        String phoneId = businessApp.numbers().stream()
                .filter(known -> known.phone().e164().equals(mobile))
                .findFirst()
                .orElseThrow()
                .phone()
                .id();
        sandbox.customerSends(phoneId, "+5511912345678", "Ana Souza", "Vocês ainda têm a sandália azul?");
        Page console = browser.newPage();
        console.navigate(url("/sandbox"));
        Locator number = console.getByTestId("business-app-number")
                .filter(new Locator.FilterOptions().setHasText(display(mobile)));
        number.getByTestId("echo-to").fill("+55 11 91234-5678");
        number.getByTestId("echo-body").fill("Oi Ana! A sandália azul 37 está separada.");
        number.getByTestId("send-echo").click();
        Browsers.screenshot(console, "64-coexistencia-console-aplicativo");
        Browsers.phoneScreenshot(
                console, Path.of("target", "screenshots", "64-coexistencia-console-aplicativo-celular.png"));

        Locator echo = page.getByTestId("app-echo").first();
        assertThat(echo.getByTestId("app-echo-text")).hasText("Oi Ana! A sandália azul 37 está separada.", PATIENTLY);
        assertThat(echo.getByTestId("app-echo-customer")).hasText("+55 11 91234-5678");
        assertThat(echo.getByTestId("app-echo-window")).containsText("Aberta até");
        screenshots("65-coexistencia-resposta-pelo-aplicativo");

        // The merchant disconnects the number in the app: Meta's ACCOUNT_OFFBOARDED.
        console.getByTestId("business-app-number")
                .filter(new Locator.FilterOptions().setHasText(display(mobile)))
                .getByTestId("offboard")
                .click();
        assertThat(page.getByTestId("number-status")).hasText("Desconectada", PATIENTLY);
        // Still the store's chosen number, but nothing goes out through it: the page does not say it is used.
        assertThat(page.getByTestId("active-number")).hasCount(0);
        assertThat(page.getByTestId("active-number-not-sending")).isVisible();
        assertThat(page.locator("#status-panel")).containsText("O número saiu da API oficial", PATIENT);
        assertThat(page.locator(".timeline")).containsText("Número saiu da API oficial");
        screenshots("66-coexistencia-desconectada");
    }

    private void screenshots(String name) {
        Browsers.fullScreenshot(page, Path.of("target", "screenshots", name + ".png"));
        Browsers.phoneScreenshot(page, Path.of("target", "screenshots", name + "-celular.png"));
    }

    private void throughProfile(Page popup) {
        popup.getByPlaceholder("Email ou telefone").fill("lia-" + run + "@facebook.example");
        popup.getByPlaceholder("Senha").fill("qualquer");
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))
                .click();
        popup.getByLabel("Nome da empresa").fill("Lia Calçados Ltda " + run);
        next(popup);
        next(popup);
        popup.getByLabel("Nome da conta do WhatsApp Business").fill("Lia Calçados");
        popup.getByLabel("Nome de exibição do WhatsApp Business").fill("Lia Calçados");
        popup.getByLabel("Categoria").selectOption("RETAIL");
        next(popup);
    }

    private static void next(Page popup) {
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avançar"))
                .click();
    }

    private static String display(String e164) {
        return "+55 " + e164.substring(3, 5) + " " + e164.substring(5, 10) + "-" + e164.substring(10);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
