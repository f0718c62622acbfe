package br.com.whatsappoficial.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.SignupPopup;
import br.com.whatsappoficial.store.StoreDirectory;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A merchant whose session expires while a page is open (4 hours without a request, or the database's
 * sessions gone): every way back leads to the login form and then to the page, never to a raw 403 or a
 * fragment. The session is expired by deleting this browser's row, as the cleanup job does.
 */
@PostgresIntegrationTest
class ExpiredSessionBrowserIT {

    /** The status panel asks every 5 s; a few polls are enough. */
    static final PageAssertions.HasURLOptions AFTER_A_POLL = new PageAssertions.HasURLOptions().setTimeout(20_000);

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory stores;

    @Autowired
    JdbcClient jdbc;

    BrowserContext browser;
    Page page;
    String run;
    String email;

    @BeforeEach
    void newStore() {
        run = UUID.randomUUID().toString().substring(0, 8);
        email = "eva-" + run + "@loja.example";
        stores.create("Loja Eva " + run, "Eva Prado", email, "senha-eva-1");
        browser = Browsers.brazilianContext();
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void loginFormWhoseTokenIsGoneComesBackFresh() {
        page.navigate(url("/login"));
        // The login form keeps its CSRF token in a cookie (no session before the login): the browser lost it.
        browser.clearCookies(new BrowserContext.ClearCookiesOptions().setName("WO_LOGIN_XSRF"));

        fillAndEnter();

        assertThat(page).hasURL(Pattern.compile("/login\\?expired$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Sua sessão expirou; entre de novo.");
        Browsers.screenshot(page, "40-login-sessao-expirada");
        fillAndEnter();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Olá, Eva Prado!")))
                .isVisible();
    }

    @Test
    void statusPollingOfAnExpiredSessionLeadsToTheLoginAndBackToTheWholePage() {
        logIn();
        page.navigate(url("/configuracoes/whatsapp-oficial/status"));
        assertThat(page.locator("#status-panel")).isVisible();

        expireTheSession();

        assertThat(page).hasURL(Pattern.compile("/login\\?expired$"), AFTER_A_POLL);
        assertThat(page.locator("#status-panel")).hasCount(0);
        fillAndEnter();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/status(\\?continue)?$"));
        assertThat(page.locator("header.topbar")).containsText("Loja Eva " + run);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("WhatsApp Oficial")))
                .isVisible();
        assertThat(page.locator("#status-panel")).isVisible();
    }

    @Test
    void signupFinishedAfterTheSessionExpiredAsksToLogInAgain() {
        logIn();
        Page popup = SignupPopup.untilConfirm(page, url(""), run);

        expireTheSession();
        SignupPopup.confirm(popup);

        var alert = page.getByRole(AriaRole.ALERT);
        assertThat(alert).containsText("Sua sessão expirou. Entre de novo para continuar.");
        assertThat(alert).not().containsText("Tente de novo");
        Browsers.screenshot(page, "41-conectar-sessao-expirada");
        alert.getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Entrar de novo"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/login(\\?expired)?$"));
        fillAndEnter();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/conectar(\\?continue)?$"));
    }

    @Test
    void formFromBeforeTheLastLoginExplainsAndLinksBack() {
        logIn();
        Page other = browser.newPage();
        other.navigate(url("/"));
        // Another tab logs out and in again: the first tab's form carries the old session's token.
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sair"))
                .click();
        Browsers.logIn(other, url(""), email, "senha-eva-1");
        assertThat(other.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Olá, Eva Prado!")))
                .isVisible();

        page.bringToFront();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sair"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Este formulário expirou")))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "pt-BR");
        assertThat(page.locator("header.topbar")).containsText("Loja Eva " + run);
        Browsers.screenshot(page, "42-formulario-expirado");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voltar à página"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Olá, Eva Prado!")))
                .isVisible();
    }

    private void logIn() {
        Browsers.logIn(page, url(""), email, "senha-eva-1");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Olá, Eva Prado!")))
                .isVisible();
    }

    private void fillAndEnter() {
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Senha").fill("senha-eva-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))
                .click();
    }

    /** Deletes this browser's session only: other tests' sessions live in the same database. */
    private void expireTheSession() {
        Cookie cookie = browser.cookies().stream()
                .filter(candidate -> candidate.name.equals("WO_SESSION"))
                .findFirst()
                .orElseThrow();
        String id = new String(Base64.getDecoder().decode(cookie.value), StandardCharsets.UTF_8);
        int deleted = jdbc.sql("delete from spring_session where session_id = :id")
                .param("id", id)
                .update();
        org.assertj.core.api.Assertions.assertThat(deleted).isEqualTo(1);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
