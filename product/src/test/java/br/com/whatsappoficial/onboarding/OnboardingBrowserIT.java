package br.com.whatsappoficial.onboarding;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
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
 * The wizard in a real Chromium: step 1 → step 2 → the launcher receives Embedded Signup's messages
 * (posted here as Meta's window posts them) → step 3 shows the WABA, the number "Em análise" and the
 * integration time → Meta approves → the page turns "Ativa" by itself, without a reload.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"onboarding.verification-poll=1s", "onboarding.registration-poll=200ms"})
class OnboardingBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    br.com.metasandbox.SandboxBusinessApp businessApp;

    @Autowired
    StoreDirectory stores;

    BrowserContext browser;
    Page page;
    String email;

    @BeforeEach
    void merchantLoggedIn() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        email = "carla-" + run + "@loja.example";
        stores.create("Loja Carla " + run, "Carla Dias", email, "senha-carla-1");
        browser = Browsers.brazilianContext();
        page = browser.newPage();
        Browsers.logIn(page, url(""), email, "senha-carla-1");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Olá, Carla Dias!")))
                .isVisible();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void finishedSignupShowsTheNumberUnderReviewThenActiveWithoutAReload() {
        SandboxBusiness business = sandbox.createBusiness("Loja Carla Ltda");
        SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Carla");
        String e164 = "+551198" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        SandboxPhone phone = sandbox.addPhone(waba.id(), e164, "Loja Carla");
        sandbox.verifyPhone(phone.id());

        page.navigate(url("/configuracoes/whatsapp-oficial"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continuar"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Passo 2: Conectar com a Meta")))
                .isVisible();
        page.waitForLoadState(LoadState.LOAD);
        Browsers.screenshot(page, "10-wizard-passo-2");

        // What Meta's window posts to its opener at the end of the flow, and FB.login's code.
        MetaWindowMessages.finish(page, business.id(), waba.id(), phone.id(), sandbox.issueCode(business.id()));

        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
        assertThat(page.getByTestId("waba-id")).hasText(waba.id());
        assertThat(page.getByTestId("number")).hasText(display(e164));
        assertThat(page.getByTestId("number-status")).hasText("Em análise");
        assertThat(page.getByTestId("connected-at")).hasText(Pattern.compile("\\d{2}/\\d{2}/\\d{4} às \\d{2}:\\d{2}"));
        Browsers.screenshot(page, "11-wizard-passo-3-em-analise");

        sandbox.setReview(waba.id(), "APPROVED");
        sandbox.approveDisplayName(phone.id());

        assertThat(page.getByTestId("number-status"))
                .hasText(
                        "Ativa",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        Browsers.screenshot(page, "12-wizard-passo-3-ativa");

        // Configurações now shows the connected view instead of the wizard's entry.
        page.navigate(page.url().replace("/configuracoes/whatsapp-oficial/status", "/configuracoes"));
        var connected = page.getByTestId("connected-view");
        assertThat(connected.getByTestId("connected-status")).hasText("Ativa");
        assertThat(connected.getByTestId("connected-number")).hasText(display(e164));
        assertThat(connected.getByTestId("connected-waba")).hasText(waba.id());
        assertThat(connected.getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Modelos de mensagem")))
                .isVisible();
        Browsers.screenshot(page, "12a-configuracoes-conectado");
        Browsers.phoneScreenshot(
                page, java.nio.file.Paths.get("target", "screenshots", "12b-configuracoes-conectado-celular.png"));
    }

    @Test
    void aFourthNumberOfTheWabaIsRefusedWithAClearMessage() {
        SandboxBusiness business = sandbox.createBusiness("Loja Carla Ltda");
        SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Carla");
        for (int i = 1; i <= 4; i++) {
            String e164 = "+552199" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
            SandboxPhone phone = sandbox.addPhone(waba.id(), e164, "Loja Carla");
            sandbox.verifyPhone(phone.id());
            page.navigate(url("/configuracoes/whatsapp-oficial/conectar"));
            postFromMeta(
                    "{\"type\":\"WA_EMBEDDED_SIGNUP\",\"event\":\"FINISH\",\"data\":{\"phone_number_id\":\"%s\",\"waba_id\":\"%s\",\"business_id\":\"%s\"},\"version\":3}"
                            .formatted(phone.id(), waba.id(), business.id()));
            postFromMeta("{\"type\":\"SANDBOX_FB_LOGIN\",\"status\":\"connected\",\"authResponse\":{\"code\":\"%s\"}}"
                    .formatted(sandbox.issueCode(business.id())));
            if (i < 4) {
                assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
            }
        }
        assertThat(page.getByRole(AriaRole.ALERT))
                .containsText("já tem o máximo de números permitido (até 3, com 1 ativo no início)");
        Browsers.screenshot(page, "14-wizard-quarto-numero");
    }

    @Test
    void aRevokedTokenShowsReconnectAndReconnectingTheSameWabaClearsIt() {
        SandboxBusiness business = sandbox.createBusiness("Loja Carla Ltda");
        SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Carla");
        SandboxPhone phone = sandbox.addPhone(
                waba.id(), "+552198" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja Carla");
        // Not verified yet: the registration reads the number's fields every second until it is.
        finishAt(business, waba, phone);
        assertThat(page.getByTestId("active-number")).isVisible();

        // Meta refuses the token (190): the next read of Meta's fields finds out.
        sandbox.revokeTokens(business.id());
        Locator banner = page.locator(".alert-error");
        assertThat(banner)
                .containsText(
                        "para enviar é preciso reconectar",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(30_000));
        assertThat(page.getByTestId("number-status")).not().hasText("Reprovada");
        Browsers.screenshot(page, "15-wizard-reconectar");

        banner.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reconectar"))
                .click();
        // The launcher listens once the page has loaded: wait for it before Meta's window speaks.
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/conectar$"));
        page.waitForLoadState(LoadState.LOAD);
        finishAt(business, waba, phone);
        assertThat(page.locator(".alert-error")).isHidden();
        assertThat(page.locator(".timeline")).containsText("Conta reconectada");
    }

    @Test
    void anUnverifiedNumberIsConfirmedOnOurScreenAndBecomesRegistered() {
        SandboxBusiness business = sandbox.createBusiness("Loja Carla Ltda");
        SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Carla");
        SandboxPhone phone = sandbox.addPhone(
                waba.id(), "+551197" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja Carla");
        finishAt(business, waba, phone);

        Locator box = page.getByTestId("verification");
        assertThat(box).containsText("Confirme a posse do número");
        assertThat(box).containsText(phone.displayPhoneNumber());
        assertThat(page.getByTestId("number-status")).hasText("Em análise");
        Browsers.screenshot(page, "16-wizard-confirmar-numero");

        box.getByLabel("Ligação").check();
        box.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enviar código"))
                .click();
        assertThat(page.getByTestId("verification-notice")).containsText("A Meta vai ligar para");
        // One request a minute: the button waits, and the page counts the seconds down.
        assertThat(page.getByTestId("verification-countdown")).containsText("você pode pedir outro em");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar código")))
                .isDisabled();
        Browsers.screenshot(page, "16a-wizard-codigo-enviado");

        Locator code = page.getByLabel("2. Digite o código de 6 dígitos");
        code.fill("12a4");
        confirm();
        assertThat(page.getByTestId("verification-notice")).containsText("O código tem 6 dígitos, só números");
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, "16b-wizard-confirmar-numero-celular");
        page.setViewportSize(1280, 900);

        // The code the simulated phone received (the sandbox console shows the same one).
        code.fill(sandbox.lastOtp(phone.id()));
        confirm();
        assertThat(page.getByTestId("verification-notice")).containsText("Número confirmado");
        assertThat(page.getByTestId("registration"))
                .hasText(
                        "Número registrado: já recebe mensagens dos clientes.",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator(".timeline")).containsText("Número registrado na API oficial");
        Browsers.screenshot(page, "16c-wizard-numero-confirmado-registrado");
    }

    private void confirm() {
        page.getByTestId("verification")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirmar código"))
                .click();
    }

    private void finishAt(SandboxBusiness business, SandboxWaba waba, SandboxPhone phone) {
        if (!page.url().endsWith("/conectar")) {
            page.navigate(url("/configuracoes/whatsapp-oficial/conectar"));
        }
        MetaWindowMessages.finish(page, business.id(), waba.id(), phone.id(), sandbox.issueCode(business.id()));
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
    }

    @Test
    void cancelAtThePhoneStepSaysHowToResume() {
        page.navigate(url("/configuracoes/whatsapp-oficial/conectar"));
        postFromMeta(
                "{\"type\":\"WA_EMBEDDED_SIGNUP\",\"event\":\"CANCEL\",\"data\":{\"current_step\":\"PHONE_NUMBER_SETUP\"},\"version\":3}");

        Locator alert = page.getByRole(AriaRole.ALERT);
        assertThat(alert).containsText("interrompida na etapa \"Número de telefone\"");
        assertThat(alert).containsText("Conectar com a Meta");
        Browsers.screenshot(page, "13-wizard-cancelado");
    }

    @Test
    void anErrorInMetasWindowShowsMetasMessageAndItsErrorIdForSupport() {
        page.navigate(url("/configuracoes/whatsapp-oficial/conectar"));
        postFromMeta(
                "{\"type\":\"WA_EMBEDDED_SIGNUP\",\"event\":\"ERROR\",\"data\":{\"error_message\":\"Seu nome verificado não segue as diretrizes do WhatsApp.\",\"error_id\":\"524126\",\"session_id\":\"f34b51dab5e0498\",\"timestamp\":\"1746041036\"},\"version\":3}");

        Locator alert = page.getByRole(AriaRole.ALERT);
        // Meta's sentence sits inside ours, without its own full stop.
        assertThat(alert).containsText("\"Seu nome verificado não segue as diretrizes do WhatsApp\". Se precisar");
        assertThat(alert).containsText("524126");
    }

    @Test
    void anErrorReportedInsideMetasWindowShowsMetasTextAndIdOnOurPage() {
        Page popup = openSignup();
        throughBusiness(popup, "Helena Joias Ltda");
        fillProfile(popup, "WhatsApp da Helena");
        next(popup);
        assertThat(popup.getByRole(AriaRole.ALERT)).containsText("não pode conter a palavra WhatsApp");
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Relatar erro"))
                .click();
        Browsers.screenshot(popup, "16-popup-erro-relatado");
        Browsers.clickClosing(popup, popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fechar")));

        Locator alert = page.getByRole(AriaRole.ALERT);
        assertThat(alert).containsText("A Meta informou um erro");
        assertThat(alert).containsText("não pode conter a palavra WhatsApp");
        assertThat(alert).containsText("524102");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Conectar com a Meta")))
                .isEnabled();
        Browsers.screenshot(page, "17-wizard-erro-relatado-na-meta");
    }

    @Test
    void aWabaSharedWithoutANumberGuidesTheMerchantToAddOne() {
        Page popup = openSignup();
        throughBusiness(popup, "Igor Bicicletas Ltda");
        fillProfile(popup, "Igor Bicicletas");
        next(popup);
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Adicionar número depois"))
                .click();
        Browsers.clickClosing(
                popup, popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmar")));

        Locator guidance = page.getByTestId("waba-numbers");
        assertThat(guidance).containsText("foi compartilhada sem número");
        assertThat(guidance).containsText("adicione o número do seu negócio");
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/conectar$"));
        Browsers.screenshot(page, "18-wizard-so-waba-sem-numero");
    }

    @Test
    void aWabaSharedWithoutANumberListsTheNumbersMetaHasForIt() {
        SandboxBusiness business = sandbox.createBusiness("Loja Carla Ltda");
        SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Carla");
        String e164 = "+551197" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        sandbox.addPhone(waba.id(), e164, "Loja Carla");

        page.navigate(url("/configuracoes/whatsapp-oficial/conectar"));
        postFromMeta(
                "{\"type\":\"WA_EMBEDDED_SIGNUP\",\"event\":\"FINISH_ONLY_WABA\",\"data\":{\"waba_id\":\"%s\",\"business_id\":\"%s\"},\"version\":3}"
                        .formatted(waba.id(), business.id()));
        MetaWindowMessages.loggedIn(page, sandbox.issueCode(business.id()));

        Locator guidance = page.getByTestId("waba-numbers");
        assertThat(guidance).containsText("foi compartilhada sem escolher um número");
        assertThat(guidance.getByRole(AriaRole.LISTITEM)).hasText(display(e164) + " (Loja Carla)");
        Browsers.screenshot(page, "19-wizard-so-waba-com-numeros");
    }

    @Test
    void theLauncherTellsABusinessAppFinishApartAndTheNumberStaysOnTheApp() {
        SandboxBusiness business = sandbox.createBusiness("Loja Carla Ltda");
        SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Carla");
        SandboxPhone phone = businessApp.onboard(
                waba.id(), "+551196" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja Carla", true);

        page.navigate(url("/configuracoes/whatsapp-oficial/conectar"));
        postFromMeta(
                "{\"type\":\"WA_EMBEDDED_SIGNUP\",\"event\":\"FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING\",\"data\":{\"phone_number_id\":\"%s\",\"waba_id\":\"%s\",\"business_id\":\"%s\"},\"version\":3}"
                        .formatted(phone.id(), waba.id(), business.id()));
        MetaWindowMessages.loggedIn(page, sandbox.issueCode(business.id()));

        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
        assertThat(page.getByTestId("app-sync")).containsText("Aplicativo WhatsApp Business");
    }

    @Test
    void messagesFromOtherOriginsAreIgnored() {
        page.navigate(url("/configuracoes/whatsapp-oficial/conectar"));
        page.evaluate(
                "data => window.dispatchEvent(new MessageEvent('message', {data, origin: 'https://evil.example'}))",
                "{\"type\":\"WA_EMBEDDED_SIGNUP\",\"event\":\"CANCEL\",\"data\":{\"current_step\":\"PHONE_NUMBER_SETUP\"},\"version\":3}");
        // Had the forged message been taken, the launcher would have reported it and ignored the next one.
        postFromMeta(
                "{\"type\":\"WA_EMBEDDED_SIGNUP\",\"event\":\"CANCEL\",\"data\":{\"current_step\":\"BUSINESS_ACCOUNT_SELECTION\"},\"version\":3}");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Gerenciador de Negócios");
    }

    /** Opens Meta's window (the sandbox's) from the product's own launcher, as a merchant does. */
    private Page openSignup() {
        page.navigate(url("/configuracoes/whatsapp-oficial/conectar"));
        page.waitForLoadState(LoadState.LOAD);
        return page.waitForPopup(
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Conectar com a Meta"))
                        .click());
    }

    private static void throughBusiness(Page popup, String company) {
        popup.getByPlaceholder("Email ou telefone").fill("pessoa-" + UUID.randomUUID() + "@exemplo.example");
        popup.getByPlaceholder("Senha").fill("qualquer");
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))
                .click();
        popup.getByLabel("Nome da empresa").fill(company);
        next(popup);
        next(popup);
    }

    private static void fillProfile(Page popup, String displayName) {
        popup.getByLabel("Nome da conta do WhatsApp Business").fill(displayName);
        popup.getByLabel("Nome de exibição do WhatsApp Business").fill(displayName);
        popup.getByLabel("Categoria").selectOption("APPAREL");
    }

    private static void next(Page popup) {
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avançar"))
                .click();
    }

    private void postFromMeta(String json) {
        MetaWindowMessages.post(page, json);
    }

    private static String display(String e164) {
        return "+55 " + e164.substring(3, 5) + " " + e164.substring(5, 10) + "-" + e164.substring(10);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
