package br.com.whatsappoficial.webhook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Support in a real Chromium with the support credentials: finds a quarantined event, reads it and
 * replays it. Same properties as {@link QuarantinePageIT}, so both share one application context.
 */
@PostgresIntegrationTest
@TestPropertySource(
        properties = {
            "webhook.workers-enabled=false",
            "webhook.support-username=suporte",
            "webhook.support-password-hash={noop}suporte-senha"
        })
class QuarantinePageBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoreDirectory stores;

    @Autowired
    InboxWorkers workers;

    BrowserContext browser;
    Page page;
    /** Console errors include the content security policy's refusals: a page must have none. */
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    String run;
    String waba;
    String wamid;

    @BeforeEach
    void quarantineEventsAndOpenTheBrowser() {
        MetaWebhooks meta = new MetaWebhooks(port);
        run = MetaWebhooks.run();
        waba = "1096" + Long.parseLong(run, 16);
        String phone = "1065" + Long.parseLong(run, 16);
        wamid = "wamid.HBgNNTUxMTkxMjM0NTY3OBUCABIYFjNFQjBCNkM3" + run;
        StoreId store = stores.create("Loja " + run, "Dona " + run, "dona-" + run + "@loja.example", "senha-123456");
        MetaWebhooks.connect(jdbc, store, waba, phone);
        assertThat(meta.post(MetaWebhooks.unreadableStatus(waba, phone, wamid))).isEqualTo(200);
        workers.drain();
        // A body cut off by a proxy, with a long unbroken token: it must not widen the page.
        assertThat(meta.post("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + waba
                        + "\",\"changes\":[{\"value\":{\"media\":\"" + "QUJD".repeat(600)))
                .isEqualTo(200);

        browser = Browsers.chromium().newContext(Browsers.brazilian().setHttpCredentials("suporte", "suporte-senha"));
        page = browser.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(consoleErrors::add);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void supportReadsAQuarantinedEventAndReplaysIt() {
        page.navigate(url("/webhooks/admin/quarentena"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Quarentena de webhooks")))
                .isVisible();
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("not a Unix timestamp: ontem"))
                .filter(new Locator.FilterOptions().setHasText(waba));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("messages");
        Browsers.screenshot(page, "quarentena-01-lista");

        row.getByRole(AriaRole.LINK).click();
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Evento nº \\d+$"))))
                .isVisible();
        assertThat(page.getByTestId("payload")).containsText("\"timestamp\" : \"ontem\"");
        assertThat(page.getByTestId("payload")).containsText(wamid);
        Browsers.screenshot(page, "quarentena-02-evento");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reprocessar"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/webhooks/admin/quarentena\\?reprocessado=\\d+$"));
        assertThat(page.getByRole(AriaRole.STATUS))
                .containsText(Pattern.compile("O evento nº \\d+ voltou para a fila e será processado em instantes."));
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(wamid)))
                .hasCount(0);
        assertThat(row).hasCount(0);
        page.waitForLoadState(LoadState.LOAD);
        Browsers.screenshot(page, "quarentena-03-reprocessado");
        assertThat(jdbc.sql("select state from webhook_inbox where idempotency_key = :key")
                        .param("key", "status:sent:" + wamid)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");

        page.navigate(url("/webhooks/admin/quarentena?lang=en"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Webhook quarantine")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Português")))
                .isVisible();
        Browsers.screenshot(page, "quarentena-05-en");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void anUnreadableBodyIsShownAsReceivedAndNotOfferedForReplay() {
        page.navigate(url("/webhooks/admin/quarentena"));
        page.locator("tr", new Page.LocatorOptions().setHasText("corpo ilegível"))
                .first()
                .getByRole(AriaRole.LINK)
                .click();

        assertThat(page.getByTestId("payload")).containsText("QUJDQUJD");
        assertThat(page.getByText("Conteúdo como foi recebido: não é um JSON válido."))
                .isVisible();
        assertThat(page.getByText("Este evento não pode ser reprocessado")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reprocessar")))
                .hasCount(0);
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scrolling")
                .isTrue();
        Browsers.screenshot(page, "quarentena-04-corpo-ilegivel");
        assertThat(consoleErrors).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
