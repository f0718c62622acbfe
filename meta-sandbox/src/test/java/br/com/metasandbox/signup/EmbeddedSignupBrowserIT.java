package br.com.metasandbox.signup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.webhooks.WebhookDeliveries;
import br.com.metasandbox.webhooks.WebhookDelivery;
import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Embedded Signup popup in a real Chromium, opened from the sandbox's opener page exactly as the
 * product opens it, and the two messages it posts back.
 */
@PostgresIntegrationTest
class EmbeddedSignupBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    WebhookDeliveries deliveries;

    BrowserContext browser;
    Page opener;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeEach
    void openOpener() {
        browser = Browsers.chromium()
                .newContext(new Browser.NewContextOptions()
                        .setLocale("pt-BR")
                        .setTimezoneId("America/Sao_Paulo")
                        .setViewportSize(1100, 760));
        browser.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")
                    || message.text().contains("Refused to")) {
                consoleErrors.add(message.text());
            }
        });
        opener = browser.newPage();
        opener.navigate(url("/sandbox/dialog/opener"));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        assertThat(consoleErrors)
                .as("browser console errors (CSP violations included)")
                .isEmpty();
    }

    @Test
    void happyPathFinishesWithTheIdsAndACodeThatExchangesForABusinessToken() {
        Page popup = openPopup();
        Browsers.screenshot(popup, "sandbox-01-login");
        login(popup, "ana@aurora.example");

        assertThat(popup.getByRole(AriaRole.HEADING)).hasText("Selecione seu portfólio empresarial");
        popup.getByLabel("Nome da empresa").fill("Aurora Comércio de Roupas Ltda");
        Browsers.screenshot(popup, "sandbox-02-business");
        next(popup);

        assertThat(popup.getByRole(AriaRole.HEADING)).hasText("Escolha uma conta do WhatsApp Business");
        Browsers.screenshot(popup, "sandbox-03-waba");
        next(popup);

        assertThat(popup.getByRole(AriaRole.HEADING)).hasText("Crie um perfil do WhatsApp Business");
        fillProfile(popup, "Loja Aurora");
        Browsers.screenshot(popup, "sandbox-04-profile");
        next(popup);

        assertThat(popup.getByRole(AriaRole.HEADING)).hasText("Adicione um número de telefone");
        String national = "11" + "9" + (10_000_000 + ThreadLocalRandom.current().nextInt(80_000_000));
        popup.getByLabel("Número de telefone").fill(national);
        Browsers.screenshot(popup, "sandbox-05-phone");
        next(popup);

        assertThat(popup.getByRole(AriaRole.HEADING)).hasText("Verifique seu número de telefone");
        String otp = popup.locator("[data-otp]").textContent().strip();
        assertThat(otp).matches("\\d{6}");
        assertThat(popup.locator(".sim-sms")).containsText(otp.substring(0, 3) + "-" + otp.substring(3));
        Browsers.screenshot(popup, "sandbox-06-verification-sms");
        popup.getByLabel("Código de verificação").fill(otp);
        next(popup);

        assertThat(popup.getByRole(AriaRole.HEADING)).containsText("está solicitando acesso");
        assertThat(popup.locator(".es-permissions")).containsText("whatsapp_business_management");
        assertThat(popup.locator(".es-permissions")).containsText("whatsapp_business_messaging");
        Browsers.screenshot(popup, "sandbox-07-permissions");
        Browsers.clickClosing(
                popup, popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmar")));

        List<JsonNode> messages = messages(2);
        Browsers.screenshot(opener, "sandbox-08-opener-finish");
        JsonNode info = messages.get(0);
        assertThat(info.path("type").asString()).isEqualTo("WA_EMBEDDED_SIGNUP");
        assertThat(info.path("event").asString()).isEqualTo("FINISH");
        assertThat(info.path("version").asInt()).isEqualTo(3);
        String phoneId = info.path("data").path("phone_number_id").asString();
        String wabaId = info.path("data").path("waba_id").asString();
        String businessId = info.path("data").path("business_id").asString();
        assertThat(List.of(phoneId, wabaId, businessId)).allMatch(id -> id.matches("\\d{15,16}"));
        JsonNode login = messages.get(1);
        assertThat(login.path("type").asString()).isEqualTo("SANDBOX_FB_LOGIN");
        assertThat(login.path("status").asString()).isEqualTo("connected");
        String code = login.path("authResponse").path("code").asString();

        Graph graph = new Graph(port);
        Graph.Answer token = graph.get(
                "/oauth/access_token"
                        + Graph.query(Graph.params(
                                "client_id", "sandbox-app", "client_secret", "sandbox-app-secret", "code", code)),
                null);
        assertThat(token.status()).as(token.body().toString()).isEqualTo(200);
        Graph.Answer phone = graph.get(
                "/" + phoneId + "?fields=verified_name,code_verification_status,display_phone_number",
                token.body().path("access_token").asString());
        assertThat(phone.body().path("verified_name").asString()).isEqualTo("Loja Aurora");
        assertThat(phone.body().path("code_verification_status").asString()).isEqualTo("VERIFIED");
        Graph.Answer waba = graph.get(
                "/" + wabaId + "?fields=name", token.body().path("access_token").asString());
        assertThat(waba.body().path("name").asString()).isEqualTo("Loja Aurora");
        assertThat(deliveries.forEntry(businessId))
                .extracting(WebhookDelivery::field)
                .containsExactly("account_update");
        assertThat(deliveries.forEntry(businessId).getFirst().payload()).contains("\"PARTNER_ADDED\"");
        assertThat(deliveries.forEntry(wabaId))
                .extracting(WebhookDelivery::field)
                .contains("business_capability_update");
    }

    @Test
    void cancelAtThePhoneStepReportsPhoneNumberSetup() {
        Page popup = throughProfile("bruno@boavista.example", "Casa Boa Vista");
        Browsers.clickClosing(popup, popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancelar")));

        List<JsonNode> messages = messages(2);
        assertThat(messages.get(0).path("event").asString()).isEqualTo("CANCEL");
        assertThat(messages.get(0).path("data").path("current_step").asString()).isEqualTo("PHONE_NUMBER_SETUP");
        assertThat(messages.get(1).path("status").asString()).isEqualTo("unknown");
        assertThat(messages.get(1).path("authResponse").isNull()).isTrue();
    }

    @Test
    void refusesMetaTestNumbersAndNumbersStillOnTheWhatsAppApp() {
        Page popup = throughProfile("carla@exemplo.example", "Doces da Carla");

        popup.getByLabel("País").selectOption("1");
        popup.getByLabel("Número de telefone").fill("555 123 4567");
        next(popup);
        assertThat(popup.getByRole(AriaRole.ALERT)).containsText("número de teste fornecido pela Meta");

        popup.getByLabel("País").selectOption("55");
        popup.getByLabel("Número de telefone").fill("11 91234-0000");
        next(popup);
        assertThat(popup.getByRole(AriaRole.ALERT))
                .hasText("Este número já está registrado em uma conta do WhatsApp. Para usá-lo aqui, exclua a conta do"
                        + " aplicativo WhatsApp ou WhatsApp Business deste número e tente de novo.");
        assertThat(popup.getByRole(AriaRole.HEADING)).hasText("Adicione um número de telefone");
        Browsers.screenshot(popup, "sandbox-05b-phone-on-app");
    }

    @Test
    void aWrongCodeIsRefusedWithTheAttemptsLeft() {
        Page popup = throughProfile("davi@exemplo.example", "Oficina do Davi");
        popup.getByLabel("Número de telefone")
                .fill("21 3" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000)));
        popup.getByText("Ligação telefônica").click();
        next(popup);

        String otp = popup.locator("[data-otp]").textContent().strip();
        assertThat(popup.locator(".sim-call")).containsText(String.join(", ", otp.split("")));
        popup.getByLabel("Código de verificação").fill(otp.equals("000000") ? "111111" : "000000");
        next(popup);

        assertThat(popup.getByRole(AriaRole.ALERT))
                .hasText("O código inserido está incorreto. Você tem mais 4 tentativas.");
        Browsers.screenshot(popup, "sandbox-06b-verification-voice-wrong-code");
        shot(popup, "sandbox-signup-wrong-code-plural");
    }

    @Test
    void everyScreenOfThePopupLinksAFaviconThatIsServed() {
        List<String> missing = new ArrayList<>();
        browser.onResponse(response -> {
            if (response.status() >= 400) {
                missing.add(response.status() + " " + response.url());
            }
        });
        Page popup = openPopup();
        assertFaviconServed(popup);
        login(popup, "fabi@exemplo.example");
        assertFaviconServed(popup);

        assertThat(missing).isEmpty();
    }

    @Test
    void aLandlineIsOfferedOnlyACall() {
        Page popup = throughProfile("lia@exemplo.example", "Ótica da Lia");
        Locator sms = popup.getByText("Mensagem de texto (SMS)");
        assertThat(sms).isVisible();

        popup.getByLabel("Número de telefone")
                .fill("11 3" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000)));

        assertThat(sms).isHidden();
        assertThat(popup.getByLabel("Ligação telefônica")).isChecked();
        assertThat(popup.getByText("recebe o código só por ligação")).isVisible();
        shot(popup, "sandbox-signup-landline");
        next(popup);
        assertThat(popup.locator(".sim-call")).isVisible();
        assertThat(popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reenviar SMS")))
                .hasCount(0);
        assertThat(popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Receber ligação")))
                .isVisible();
        shot(popup, "sandbox-signup-landline-verification");
    }

    @Test
    void aDisplayNameWithADecorativeSymbolIsRefused() {
        Page popup = openPopup();
        login(popup, "casa@exemplo.example");
        popup.getByLabel("Nome da empresa").fill("Casa Boa Ltda");
        next(popup);
        next(popup);
        fillProfile(popup, "Casa ★ Boa");
        next(popup);

        assertThat(popup.getByRole(AriaRole.ALERT)).containsText("símbolos decorativos");
        shot(popup, "sandbox-signup-name-symbol");
    }

    @Test
    void aRejectedDisplayNameCanBeFixedInsideTheFlow() {
        Page popup = openPopup();
        login(popup, "eva@exemplo.example");
        popup.getByLabel("Nome da empresa").fill("Eva Presentes Ltda");
        next(popup);
        next(popup);
        fillProfile(popup, "WhatsApp da Eva");
        next(popup);

        assertThat(popup.getByRole(AriaRole.ALERT)).containsText("não pode conter a palavra WhatsApp");
        assertThat(popup.getByRole(AriaRole.ALERT)).containsText("código do erro 524102");
        Browsers.screenshot(popup, "sandbox-04b-profile-name-error");

        popup.getByLabel("Nome de exibição do WhatsApp Business").fill("Eva Presentes");
        next(popup);
        assertThat(popup.getByRole(AriaRole.HEADING)).hasText("Adicione um número de telefone");
        assertThat(opener.locator("#messages li")).hasCount(0);
    }

    @Test
    void aReportedErrorEndsWithCancelCarryingMetasErrorFields() {
        Page popup = openPopup();
        login(popup, "fabi@exemplo.example");
        popup.getByLabel("Nome da empresa").fill("Fabi Doces Ltda");
        next(popup);
        next(popup);
        fillProfile(popup, "WhatsApp da Fabi");
        next(popup);
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Relatar erro"))
                .click();
        assertThat(popup.getByRole(AriaRole.ALERT)).containsText("não pode conter a palavra WhatsApp");
        Browsers.clickClosing(popup, popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fechar")));

        List<JsonNode> messages = messages(2);
        JsonNode info = messages.get(0);
        assertThat(info.path("event").asString()).isEqualTo("CANCEL");
        assertThat(info.path("data").path("error_message").asString())
                .startsWith("Seu nome verificado não segue as diretrizes do WhatsApp");
        assertThat(info.path("data").path("error_id").asString()).isEqualTo("524102");
        assertThat(info.path("data").path("session_id").asString()).matches("[0-9a-f]{16}");
        assertThat(info.path("data").path("timestamp").asString()).matches("\\d{10}");
        assertThat(info.path("data").has("current_step")).isFalse();
        assertThat(messages.get(1).path("status").asString()).isEqualTo("unknown");
    }

    @Test
    void sharingTheWabaWithoutANumberFinishesOnlyWaba() {
        Page popup = throughProfile("gil@exemplo.example", "Gil Ferragens");
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Adicionar número depois"))
                .click();
        assertThat(popup.getByRole(AriaRole.HEADING)).containsText("está solicitando acesso");
        Browsers.clickClosing(
                popup, popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmar")));

        List<JsonNode> messages = messages(2);
        JsonNode info = messages.get(0);
        assertThat(info.path("event").asString()).isEqualTo("FINISH_ONLY_WABA");
        assertThat(info.path("data").path("waba_id").asString()).matches("\\d{15,16}");
        assertThat(info.path("data").has("phone_number_id")).isFalse();
        assertThat(messages.get(1).path("authResponse").path("code").asString()).isNotBlank();
    }

    @Test
    void refusesToRunForAnotherOrigin() {
        Page page = browser.newPage();
        var response = page.navigate(url("/sandbox/dialog/embedded-signup?app_id=sandbox-app&config_id=sandbox-config"
                + "&origin=https%3A%2F%2Fevil.example"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("a origem informada não corresponde");
    }

    private static void assertFaviconServed(Page popup) {
        Locator icon = popup.locator("link[rel=icon]");
        assertThat(icon).hasCount(1);
        String href = (String) icon.evaluate("link => link.href");
        var response = popup.request().get(href);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("image/");
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(java.nio.file.Paths.get("/tmp/shots", name + ".png"))
                .setFullPage(true));
    }

    private Page openPopup() {
        return opener.waitForPopup(() -> opener.locator("#open-signup").click());
    }

    private Page throughProfile(String email, String company) {
        Page popup = openPopup();
        login(popup, email);
        popup.getByLabel("Nome da empresa").fill(company);
        next(popup);
        next(popup);
        fillProfile(popup, company);
        next(popup);
        assertThat(popup.getByRole(AriaRole.HEADING)).hasText("Adicione um número de telefone");
        return popup;
    }

    private static void login(Page popup, String email) {
        popup.getByPlaceholder("Email ou telefone").fill(email);
        popup.getByPlaceholder("Senha").fill("qualquer");
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))
                .click();
    }

    private static void fillProfile(Page popup, String displayName) {
        popup.getByLabel("Nome da conta do WhatsApp Business").fill(displayName);
        popup.getByLabel("Nome de exibição do WhatsApp Business").fill(displayName);
        popup.getByLabel("Categoria").selectOption("APPAREL");
        popup.getByLabel("Descrição da empresa (opcional)").fill("Moda feminina com entrega para todo o Brasil.");
        popup.getByLabel("Site (opcional)").fill("https://aurora.example");
    }

    private static void next(Page popup) {
        popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avançar"))
                .click();
    }

    private List<JsonNode> messages(int count) {
        assertThat(opener.locator("#messages li")).hasCount(count);
        return opener.locator("#messages li code").allTextContents().stream()
                .map(Graph.JSON::readTree)
                .toList();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
