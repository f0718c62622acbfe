package br.com.whatsappoficial.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A logged-in merchant who lands on an error: the product's page in their language, and a way back. */
@PostgresIntegrationTest
class ErrorPagesBrowserIT {

    @LocalServerPort
    int port;

    BrowserContext browser;
    Page page;

    @BeforeEach
    void loggedIn() {
        browser = Browsers.brazilianContext();
        page = browser.newPage();
        Browsers.logIn(page, url(""), "bruno@boavista.example", "boavista-demo");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Olá, Bruno Costa!")))
                .isVisible();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void unknownPageHasTheProductsLayoutAndAWayBack() {
        Response response = page.navigate(url("/configuracoes/nao-existe"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Página não encontrada")))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "pt-BR");
        assertThat(page.locator("header.topbar")).containsText("Casa Boa Vista");
        assertThat(page.locator("body")).not().containsText("Whitelabel");
        Browsers.screenshot(page, "30-erro-404");
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, "30-erro-404-390");
        page.setViewportSize(1280, 900);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voltar ao Painel"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Olá, Bruno Costa!")))
                .isVisible();
    }

    @Test
    void errorPagesSpeakEnglishOnRequest() {
        page.navigate(url("/nao-existe?lang=en"));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found")))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
    }

    @Test
    void wrongMethodHasTheProductsPage() {
        APIResponse response = page.request()
                .get(
                        url("/configuracoes/whatsapp-oficial/conexao"),
                        RequestOptions.create().setHeader("Accept", "text/html"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.text())
                .contains("Esta ação não está disponível aqui", "Voltar ao Painel", "Casa Boa Vista");
    }

    @Test
    void errorsOfJsonAndHtmxRequestsStayShort() {
        APIResponse json =
                page.request().get(url("/nao-existe"), RequestOptions.create().setHeader("Accept", "application/json"));
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.headers().get("content-type")).startsWith("application/json");
        assertThat(json.text()).contains("\"status\":404").doesNotContain("<html");

        APIResponse htmx = page.request()
                .get(
                        url("/configuracoes/whatsapp-oficial/status/nao-existe"),
                        RequestOptions.create().setHeader("HX-Request", "true").setHeader("Accept", "*/*"));
        assertThat(htmx.status()).isEqualTo(404);
        assertThat(htmx.text()).doesNotContain("<html");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
