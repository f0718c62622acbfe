package br.com.whatsappoficial.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.SendingPauses;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The status page of a number the product paused after Meta's spam limit, in a real Chromium: the reason in
 * pt-BR, until when, what to do, and the resume button an admin sees and a member does not. Screenshots at
 * 1280 and 390 px go to /tmp/shots.
 */
@PostgresIntegrationTest
@Import(SendingStores.class)
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class SendingPauseBrowserIT {

    static final Path SHOTS = Path.of("/tmp/shots");

    @LocalServerPort
    int port;

    @Autowired
    SendingStores stores;

    @Autowired
    SendingPauses pauses;

    @Autowired
    StoreDirectory directory;

    @Autowired
    JdbcClient jdbc;

    BrowserContext browser;
    Page page;
    Shop shop;

    @BeforeEach
    void aStoreWhoseNumberMetaRefusedForSpam() {
        shop = stores.connected("pausa");
        CurrentStore.runAs(shop.store(), () -> pauses.pause(shop.phone().id(), 131048, Instant.now()));
        browser = Browsers.chromium().newContext(Browsers.brazilian());
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anAdminReadsWhyTheNumberIsPausedAndResumesIt() {
        String email = "dona-" + UUID.randomUUID() + "@pausa.example";
        StoreFixtures.addAdmin(jdbc, directory, shop.store(), email, "senha-admin-1");
        Browsers.logIn(page, url(""), email, "senha-admin-1");
        page.navigate(url("/configuracoes/whatsapp-oficial/status"));

        var notice = page.getByTestId("sending-pause");
        assertThat(notice).containsText("Envios pausados");
        assertThat(notice).containsText("bloqueadas ou denunciadas como spam");
        assertThat(notice).containsText("nenhuma foi perdida");
        assertThat(notice).containsText("O que fazer");
        shot("status-pause-1280");
        page.setViewportSize(390, 844);
        shot("status-pause-390");
        page.setViewportSize(1280, 800);

        page.getByTestId("resume-sending").click();
        assertThat(page.getByTestId("sending-pause")).hasCount(0);
        assertThat(CurrentStore.callAs(
                        shop.store(), () -> pauses.current(shop.phone().id(), Instant.now())))
                .isEmpty();
    }

    @Test
    void aMemberReadsThePauseButCannotResumeIt() {
        String email = "membro-" + UUID.randomUUID() + "@pausa.example";
        StoreFixtures.addMember(jdbc, directory, shop.store(), email, "senha-membro-1");
        Browsers.logIn(page, url(""), email, "senha-membro-1");
        page.navigate(url("/configuracoes/whatsapp-oficial/status"));

        assertThat(page.getByTestId("sending-pause")).containsText("Só administradores");
        assertThat(page.getByTestId("resume-sending")).hasCount(0);
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("limits-" + name + ".png"))
                .setFullPage(true));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
