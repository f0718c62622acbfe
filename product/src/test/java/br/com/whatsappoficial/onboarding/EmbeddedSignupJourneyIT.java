package br.com.whatsappoficial.onboarding;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.SignupPopup;
import br.com.whatsappoficial.store.StoreDirectory;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The merchant's whole journey in Chromium, through the sandbox's Embedded Signup popup and console:
 * Configurações → WhatsApp Oficial → Abrir → step 1 → Conectar → Meta's window → step 3 "Em análise" and
 * already registered → Meta's review in the console → the page changes by itself, driven by signed webhooks.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"onboarding.registration-poll=200ms", "sandbox.webhooks.poll-interval=200ms"})
class EmbeddedSignupJourneyIT {

    static final LocatorAssertions.HasTextOptions META_TIME = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory stores;

    @Autowired
    JdbcClient jdbc;

    BrowserContext browser;
    Page page;
    String run;

    @BeforeEach
    void merchantLoggedIn() {
        run = UUID.randomUUID().toString().substring(0, 8);
        String email = "dora-" + run + "@loja.example";
        stores.create("Loja Dora " + run, "Dora Souza", email, "senha-dora-1");
        browser = Browsers.brazilianContext();
        page = browser.newPage();
        Browsers.logIn(page, url(""), email, "senha-dora-1");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void happyPathFromConfiguracoesToAtiva() {
        String mobile = SignupPopup.connect(page, url(""), run);

        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
        assertThat(page.getByTestId("number")).hasText(display(mobile));
        assertThat(page.getByTestId("number-status")).hasText("Em análise");
        assertThat(page.getByTestId("connected-at")).hasText(Pattern.compile("\\d{2}/\\d{2}/\\d{4} às \\d{2}:\\d{2}"));
        assertThat(page.getByTestId("proactive-limit")).containsText("50 clientes únicos");
        Browsers.screenshot(page, "20-journey-em-analise");

        // Registered at once, the name still under review: the number already receives messages.
        assertThat(page.getByTestId("registration"))
                .hasText("Número registrado: já recebe mensagens dos clientes.", META_TIME);
        assertThat(page.getByTestId("number-status")).hasText("Em análise");
        assertThat(page.locator(".timeline")).containsText("Número registrado na API oficial");
        assertThat(page.locator(".timeline")).not().containsText("Nome de exibição aprovado");
        Browsers.screenshot(page, "20b-journey-registrado-em-analise");

        // Still under review, a customer writes to the number and the product receives the message.
        String waba = page.getByTestId("waba-id").textContent().strip();
        String phoneNumberId = phoneId(waba);
        Page customer = browser.newPage();
        customer.navigate(url("/sandbox/console/phone?phone=" + phoneNumberId));
        customer.getByPlaceholder("Mensagem").fill("Oi, vocês entregam hoje?");
        customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar"))
                .click();
        assertThat(customer.locator("main")).containsText("Oi, vocês entregam hoje?");
        Browsers.screenshot(customer, "20c-journey-cliente-escreve-em-analise");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from webhook_inbox where field = 'messages'"
                                        + " and phone_number_id = :phone and state = 'DONE'")
                                .param("phone", phoneNumberId)
                                .query(Long.class)
                                .single()
                        >= 1);

        // Meta decides the name once the business reaches a higher messaging limit.
        Page console = browser.newPage();
        console.navigate(url("/sandbox"));
        Locator wabaCard = console.locator("#waba-" + waba);
        wabaCard.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aprovar conta"))
                .click();
        console.locator("section.business:has(#waba-" + waba + ")")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Subir limite de mensagens"))
                .click();
        assertThat(console.locator("#phone-" + phoneId(waba))).containsText("APPROVED");
        Browsers.screenshot(console, "21-journey-console");

        page.bringToFront();
        assertThat(page.getByTestId("number-status")).hasText("Ativa", META_TIME);
        assertThat(page.locator(".timeline")).containsText("Nome de exibição aprovado");
        Browsers.screenshot(page, "22-journey-ativa");
    }

    @Test
    void aReturningMerchantFindsTheStatusFromThePainelAndFromConfiguracoes() {
        String mobile = SignupPopup.connect(page, url(""), run);
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));

        page.navigate(url("/"));
        Locator card = page.locator("#painel-whatsapp");
        assertThat(card.getByTestId("painel-number")).hasText(display(mobile));
        assertThat(card.getByTestId("painel-status")).hasText("Em análise");
        Browsers.screenshot(page, "22-painel-conectado");
        card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ver o status"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));

        page.navigate(url("/configuracoes"));
        page.locator("#whatsapp-oficial")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Abrir"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
        assertThat(page.getByTestId("number")).hasText(display(mobile));

        Locator steps = page.locator(".stepper");
        steps.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Orientações gerais")))
                .click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/orientacoes$"));
        page.locator(".stepper")
                .getByRole(
                        AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Acompanhar o status")))
                .click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status$"));
    }

    @Test
    void rejectedDisplayNameShowsReprovadaWithMetasReasonAndTheFix() {
        SignupPopup.connect(page, url(""), run);
        String waba = page.getByTestId("waba-id").textContent().strip();

        Page console = browser.newPage();
        console.navigate(url("/sandbox"));
        Locator phone = console.locator("#phone-" + phoneId(waba));
        phone.getByLabel("Motivo da reprovação").selectOption("NAME_NOT_CONSISTENT");
        phone.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reprovar nome"))
                .click();

        page.bringToFront();
        assertThat(page.getByTestId("number-status")).hasText("Reprovada", META_TIME);
        assertThat(page.getByTestId("status-detail")).containsText("o nome não corresponde à marca");
        assertThat(page.locator(".numbers")).containsText("Altere o nome no WhatsApp Manager");
        assertThat(page.getByTestId("remedy")).containsText("Diretrizes para o nome de exibição");
        assertThat(page.getByTestId("remedy")).containsText("Abrir o console do sandbox");
        Browsers.screenshot(page, "23-journey-reprovada");
    }

    @Test
    void closingThePopupWithItsOwnXAtThePhoneStepNamesThatStep() {
        Page popup = SignupPopup.open(page, url(""));
        SignupPopup.throughProfile(popup, run);
        // A person reads the step before reaching for the X: the window has told where it is by then (closed
        // at once, the step's report could still be on its way, and the launcher named the step before).
        popup.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        // What the window's X does: the page is closed without any of its buttons.
        popup.evaluate("window.close()");

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("interrompida na etapa \"Número de telefone\"");
    }

    @Test
    void cancelInThePopupAtThePhoneStepSaysHowToResume() {
        Page popup = SignupPopup.open(page, url(""));
        SignupPopup.throughProfile(popup, run);
        Browsers.clickClosing(popup, popup.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancelar")));

        Locator alert = page.getByRole(AriaRole.ALERT);
        assertThat(alert).containsText("interrompida na etapa \"Número de telefone\"");
        Browsers.screenshot(page, "24-journey-cancelado");
    }

    private String phoneId(String wabaId) {
        return jdbc.sql("select phone_number_id from phone_numbers where waba_id = :id")
                .param("id", wabaId)
                .query(String.class)
                .single();
    }

    private static String display(String e164) {
        return "+55 " + e164.substring(3, 5) + " " + e164.substring(5, 10) + "-" + e164.substring(10);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
