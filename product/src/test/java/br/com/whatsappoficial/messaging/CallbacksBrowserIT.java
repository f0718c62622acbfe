package br.com.whatsappoficial.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreId;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The merchant sets up status callbacks on the API page in a real Chromium: a URL into our network is
 * refused in pt-BR, the receiver's is saved, the secret is shown once, the test reaches the receiver
 * signed, and the log tells delivered, retrying and given-up callbacks apart. Screenshots at 1280 and
 * 390 px go to /tmp/shots.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"messaging.callbacks.poll=1h", "account.reconciliation-poll=1h"})
class CallbacksBrowserIT {

    static final Path SHOTS = Path.of("/tmp/shots");

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory directory;

    @Autowired
    MessageRows rows;

    @Autowired
    CallbackLog log;

    BrowserContext browser;
    Page page;
    String email;
    StoreId store;

    @BeforeEach
    void aStoreAndItsAdmin() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        email = "clara-" + run + "@floricultura.example";
        store = StoreFixtures.storeWithAdmin(directory, "Floricultura Jardim das Acácias " + run, email)
                .storeId();
        browser = Browsers.chromium().newContext(Browsers.brazilian());
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void merchantSetsTheReceiverGetsTheSecretOnceTestsItAndReadsTheLog() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(0)) {
            Browsers.logIn(page, url(""), email, "senha-admin-123");
            page.navigate(url("/configuracoes/whatsapp-oficial/api"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Avisos de status")))
                    .isVisible();
            assertThat(page.getByText("Nenhum aviso ainda.")).isVisible();

            page.getByLabel("Endereço que recebe os avisos").fill("http://10.0.0.1:8080/avisos");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salvar endereço"))
                    .click();
            assertThat(page.getByTestId("url-notice")).containsText("Use um endereço https://");

            page.getByLabel("Endereço que recebe os avisos").fill(receiver.url());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salvar endereço"))
                    .click();
            assertThat(page.getByTestId("url-notice")).hasText("Endereço salvo. Os próximos avisos vão para ele.");

            page.getByTestId("rotate-secret").click();
            assertThat(page.getByTestId("new-secret")).isVisible();
            String secret = page.getByTestId("new-secret-value").inputValue();
            assertThat(secret).matches("wocb_[0-9a-f]{64}");
            shot("1280", "01-secret");

            page.getByTestId("send-test").click();
            assertThat(page.getByTestId("test-notice")).hasText("Teste entregue: 127.0.0.1 respondeu HTTP 204.");
            assertThat(receiver.received()).singleElement().satisfies(test -> {
                assertThat(test.signedWith(new CallbackSecret(secret))).isTrue();
                assertThat(test.body()).contains("\"status\":\"test\"");
            });
            assertThat(page.content()).doesNotContain(secret.substring(5, 60));

            seedLog();
            page.reload();
            assertThat(page.getByTestId("new-secret")).hasCount(0);
            assertThat(page.getByTestId("secret-state")).containsText(secret.substring(secret.length() - 4));
            assertThat(page.getByTestId("callback-entry")).hasCount(3);
            assertThat(page.getByTestId("entry-state"))
                    .containsText(new String[] {"Não entregue", "Pendente", "Entregue"});
            assertThat(page.getByTestId("entry-answer"))
                    .containsText(new String[] {"O servidor não respondeu a tempo.", "HTTP 503", "HTTP 204"});
            shot("1280", "02-log");
            page.setViewportSize(390, 844);
            shot("390", "02-log");
            int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            assertThat(width).as("scrollWidth at 390 px").isLessThanOrEqualTo(390);
        }
    }

    /** Three callbacks as the workers would have left them: delivered, retrying after a 503, given up. */
    private void seedLog() {
        CurrentStore.runAs(store, () -> {
            Instant now = Instant.now();
            MessageId message = MessageId.random();
            rows.insert(TestMessages.text(message, now, DeliveryStatus.READ, Sending.ACCEPTED));
            rows.leaveOutbox(message);
            log.enqueueAll(java.util.List.of(new CallbackLog.NewCallback(message, "sent", "{}")), now);
            log.enqueueAll(java.util.List.of(new CallbackLog.NewCallback(message, "delivered", "{}")), now);
            log.enqueueAll(java.util.List.of(new CallbackLog.NewCallback(message, "read", "{}")), now);
            java.util.List<CallbackLog.Entry> entries = log.recent(3);
            log.gaveUp(entries.get(0).id(), "loja.com.br", null, "timeout", now);
            log.retryAt(entries.get(1).id(), "loja.com.br", 503, null, now.plusSeconds(40), now);
            log.delivered(entries.get(2).id(), "loja.com.br", 204, now);
        });
    }

    private void shot(String width, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("callbacks-" + width + "-" + name + ".png"))
                .setFullPage(true));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
