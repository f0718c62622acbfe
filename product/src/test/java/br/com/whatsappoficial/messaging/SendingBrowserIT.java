package br.com.whatsappoficial.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Envios card in a real Chromium, as a member of the store sees it on the status page: the chart's
 * last bar and the count move while a small campaign goes out through the sandbox, and a customer Meta
 * cannot reach shows up with the pt-BR reason and what to do. Screenshots at 1280 and 390 px go to
 * /tmp/shots.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@Import(SendingStores.class)
@TestPropertySource(
        properties = {"messaging.outbox-poll=100ms", "account.reconciliation-poll=1h", "template.sync-poll=1h"})
class SendingBrowserIT {

    static final Path SHOTS = Path.of("/tmp/shots");

    /** The card reloads itself every 10 s when idle: a few reloads' worth. */
    static final LocatorAssertions.HasTextOptions A_FEW_RELOADS =
            new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    SendingStores stores;

    @Autowired
    StoreDirectory directory;

    @Autowired
    JdbcClient jdbc;

    BrowserContext browser;
    Page page;
    Shop shop;
    String member;

    @BeforeEach
    void aConnectedStoreAndAMember() {
        shop = stores.connected("painel-envios");
        stores.approvedTemplate(shop, "pedido_enviado", "Olá {{1}}, seu pedido saiu.", Map.of("1", "Ana"));
        member = "membro-" + UUID.randomUUID() + "@envios.example";
        StoreFixtures.addMember(jdbc, directory, shop.store(), member, "senha-membro-1");
        browser = Browsers.chromium().newContext(Browsers.brazilian());
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theChartMovesAsACampaignGoesOutAndAFailureSaysWhyInPortuguese() throws Exception {
        CampaignEngine engine = new CampaignEngine(mvc, shop.key(), port);
        int limit = JsonPath.read(engine.limits().andReturn().getResponse().getContentAsString(), "$.proactive.limit");
        Browsers.logIn(page, url(""), member, "senha-membro-1");
        page.navigate(url("/configuracoes/whatsapp-oficial"));

        Locator card = page.locator("#sending");
        Locator now = card.getByTestId("budget-bar").last();
        assertThat(card.getByTestId("budget-used")).hasText("0 de " + limit + " clientes únicos nas últimas 24 h");
        assertThat(now).hasAttribute("data-used", "0");
        assertThat(card.getByTestId("queue")).hasText("Nenhum envio em andamento.");
        assertThat(card.getByTestId("no-failures")).isVisible();
        shot("1280-1-before");
        phoneShot("390-1-before");

        for (int i = 0; i < 4; i++) {
            engine.sendTemplate("+55 11 9" + SendingStores.plainEightDigits(), "pedido_enviado", "Ana");
        }
        // The sandbox fails a customer whose number ends in 9999 with Meta's 131026.
        engine.sendTemplate("+55 11 98765-9999", "pedido_enviado", "Ana");

        assertThat(card.getByTestId("budget-used"))
                .hasText("5 de " + limit + " clientes únicos nas últimas 24 h", A_FEW_RELOADS);
        assertThat(now).hasAttribute("data-used", "5");
        assertThat(now)
                .hasAttribute("aria-label", Pattern.compile("^5 de " + limit + " clientes únicos às \\d{2}:\\d{2}$"));
        assertThat(card.getByTestId("next-release")).containsText("O próximo lugar se libera amanhã às ");
        assertThat(card.getByTestId("failure-number")).hasText("+55 11 98765-9999", A_FEW_RELOADS);
        assertThat(card.getByTestId("failure-title")).hasText("O número não pode receber a mensagem");
        assertThat(card.getByTestId("failure-detail")).containsText("não usa WhatsApp");
        assertThat(card.locator("[data-testid=spend-line][data-category=utility] [data-testid=spend-today]"))
                .hasText("4", A_FEW_RELOADS);
        shot("1280-2-after");
        phoneShot("390-2-after");

        card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Envios"))
                .click();
        assertThat(page.getByTestId("budget-used")).hasText("5 de " + limit + " clientes únicos nas últimas 24 h");
        shot("1280-3-page");
        phoneShot("390-3-page");
    }

    private void shot(String name) {
        Browsers.fullScreenshot(page, SHOTS.resolve("envios-" + name + ".png"));
    }

    private void phoneShot(String name) {
        Browsers.phoneScreenshot(page, SHOTS.resolve("envios-" + name + ".png"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
