package br.com.whatsappoficial.api;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.NewConnection;
import br.com.whatsappoficial.meta.BusinessPhoneNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.WhatsAppBusinessAccount;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
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
 * The merchant's journey with an API key in a real Chromium: create it, copy it once, use it against the
 * API, see its last use, revoke it, and the key is refused from then on. Screenshots at 1280 and 390 px
 * go to /tmp/shots for a person to look at.
 */
@PostgresIntegrationTest
// Its numbers are made up: Meta (the sandbox) would refuse their tokens if the reconciliation read them.
@TestPropertySource(properties = "account.reconciliation-poll=1h")
class ApiKeysBrowserIT {

    static final int PHONE_WIDTH = 390;
    static final Path SHOTS = Path.of("/tmp/shots");

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory directory;

    @Autowired
    ConnectedAccounts accounts;

    BrowserContext browser;
    Page page;
    String email;

    @BeforeEach
    void storeWithAConnectedNumber() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        email = "clara-" + run + "@floricultura.example";
        StoreUserPrincipal admin =
                StoreFixtures.storeWithAdmin(directory, "Floricultura Jardim das Acácias " + run, email);
        connectNumber(admin);
        browser = Browsers.chromium()
                .newContext(Browsers.brazilian().setPermissions(List.of("clipboard-read", "clipboard-write")));
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void merchantCreatesCopiesUsesAndRevokesAKey() throws Exception {
        Browsers.logIn(page, url(""), email, "senha-admin-123");
        page.navigate(url("/configuracoes"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chaves da API"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/configuracoes/whatsapp-oficial/api$"));
        assertThat(page.getByText("Nenhuma chave ainda.")).isVisible();
        shot("01-empty");

        page.getByLabel("Nome da chave").fill("Campanhas de Natal");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Criar chave"))
                .click();

        Locator secretField = page.getByTestId("new-key-secret");
        assertThat(secretField).isVisible();
        assertThat(page.getByText("não será mostrada de novo")).isVisible();
        String key = secretField.inputValue();
        assertThat(key).matches("wo_test_[0-9A-Za-z]{12}_[0-9A-Za-z]{43}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copiar"))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copiada!")))
                .isVisible();
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(key);
        shot("02-created");
        phoneShot("03-created");

        page.reload();
        Locator row = page.getByTestId("api-key").filter(new Locator.FilterOptions().setHasText("Campanhas de Natal"));
        assertThat(row).isVisible();
        assertThat(page.getByTestId("new-key-secret")).hasCount(0);
        assertThat(page.content()).doesNotContain(key);
        assertThat(row.getByTestId("key-prefix")).hasText(key.substring(0, "wo_test_".length() + 12) + "…");
        assertThat(row.getByTestId("last-used")).hasText("Nunca usada");

        HttpResponse<String> limits = limits(key);
        assertThat(limits.statusCode()).isEqualTo(200);
        assertThat(limits.body()).contains("\"display\":\"+55 11 91234-5678\"", "\"limit\":50");

        page.reload();
        assertThat(row.getByTestId("last-used")).hasText(Pattern.compile("\\d{2}/\\d{2}/\\d{4} às \\d{2}:\\d{2}"));
        assertThat(row.getByTestId("key-status")).hasText("Ativa");
        shot("04-used");
        phoneShot("05-used");

        row.getByText("Revogar", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(row.getByText("Revogar a chave “Campanhas de Natal”?")).isVisible();
        shot("06-confirm-revoke");
        phoneShot("07-confirm-revoke");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sim, revogar"))
                .click();

        assertThat(page.getByText("Chave revogada.")).isVisible();
        assertThat(row.getByTestId("key-status")).hasText("Revogada");
        shot("08-revoked");
        phoneShot("09-revoked");

        HttpResponse<String> refused = limits(key);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"code\":\"unauthorized\"");
    }

    @Test
    void swaggerUiShowsTheApiUnderThePagesOwnPolicy() {
        List<String> refused = new java.util.ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                refused.add(message.text());
            }
        });

        page.navigate(url("/api/docs"));

        // springdoc builds the document on its first request: seconds on a busy machine.
        assertThat(page.getByText("WhatsApp Oficial — Campaign API"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(page.getByText("/api/v1/limits")).isVisible();
        page.getByText("/api/v1/limits").click();
        assertThat(page.getByText("number_not_ready").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("apikeys-1280-10-swagger-ui.png"))
                .setFullPage(true));
        assertThat(refused).as("console errors (CSP refusals among them)").isEmpty();
    }

    private HttpResponse<String> limits(String key) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/v1/limits")))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("apikeys-1280-" + name + ".png"))
                .setFullPage(true));
    }

    /** The same state on a phone: no sideways scrolling, then back to the laptop's width. */
    private void phoneShot(String name) {
        page.setViewportSize(PHONE_WIDTH, 844);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("apikeys-390-" + name + ".png"))
                .setFullPage(true));
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as(name + " scrollWidth at 390 px").isLessThanOrEqualTo(PHONE_WIDTH);
        page.setViewportSize(1280, 900);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void connectNumber(StoreUserPrincipal admin) {
        String waba = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        String phone = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        BusinessPhoneNumber number = new BusinessPhoneNumber(
                phone,
                "+55 11 91234-5678",
                "Floricultura",
                "VERIFIED",
                "GREEN",
                "CONNECTED",
                "PENDING_REVIEW",
                null,
                "LIVE",
                "CLOUD_API",
                false,
                null,
                "TIER_250",
                null,
                null,
                null,
                null,
                null);
        WhatsAppBusinessAccount account = new WhatsAppBusinessAccount(
                waba, "Floricultura", "BRL", null, null, "PENDING", null, "BR", null, null, null);
        CurrentStore.runAs(
                admin.storeId(),
                () -> accounts.connect(
                        new NewConnection(null, account, number, new BusinessToken("token-" + waba), null)));
    }
}
