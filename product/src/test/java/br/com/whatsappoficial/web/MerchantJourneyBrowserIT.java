package br.com.whatsappoficial.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A merchant in a real Chromium: logs in, finds WhatsApp Oficial under Configurações and opens the wizard. */
@PostgresIntegrationTest
class MerchantJourneyBrowserIT {

    @LocalServerPort
    int port;

    BrowserContext browser;
    Page page;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.chromium()
                .newContext(new Browser.NewContextOptions()
                        .setLocale("pt-BR")
                        .setTimezoneId("America/Sao_Paulo")
                        .setViewportSize(1280, 800));
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void demoAdminOpensTheWhatsAppOficialWizardFromConfiguracoes() {
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile("/login$"));
        Browsers.screenshot(page, "01-login");

        page.getByLabel("E-mail").fill("ana@aurora.example");
        page.getByLabel("Senha").fill("aurora-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Olá, Ana Lima!")))
                .isVisible();
        Browsers.screenshot(page, "02-painel");

        page.getByRole(AriaRole.NAVIGATION)
                .getByRole(
                        AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Configurações"))
                .click();
        var card = page.locator("#whatsapp-oficial");
        assertThat(card.getByRole(AriaRole.HEADING)).hasText("WhatsApp Oficial");
        Browsers.screenshot(page, "03-configuracoes");

        card.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Abrir"))
                .click();

        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/orientacoes$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Passo 1: Orientações gerais")))
                .isVisible();
        assertThat(page.locator(".stepper [aria-current=step]")).containsText("Orientações gerais");
        Browsers.screenshot(page, "04-wizard-passo-1");
    }

    @Test
    void wrongPasswordShowsAPortugueseError() {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill("ana@aurora.example");
        page.getByLabel("Senha").fill("senha-errada");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))
                .click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("E-mail ou senha incorretos. Confira e tente de novo.");
        Browsers.screenshot(page, "05-login-erro");
    }

    @Test
    void pagesSpeakEnglishOnRequest() {
        page.navigate(url("/login?lang=en"));
        page.getByLabel("E-mail").fill("bruno@boavista.example");
        page.getByLabel("Password").fill("boavista-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hello, Bruno Costa!")))
                .isVisible();
        Browsers.screenshot(page, "06-painel-en");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
