package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.Browsers;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.StoreDirectory;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Login throttling, the login page's sessions and the sessions' absolute lifetime, over real HTTP. Each
 * throttling test comes from a loopback address of its own (127.0.x.y), so the failures it leaves on its
 * address never slow down the other tests' logins from 127.0.0.1.
 */
@PostgresIntegrationTest
class LoginLimitsIT {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static int addresses;

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    String run;

    @BeforeEach
    void newRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSixthFailedLoginOfAnEmailIsRefusedWith429AndAPortugueseMessage() throws Exception {
        HttpClient browser = browserAt(nextAddress());
        String csrf = find(CSRF_FIELD, get(browser, "/login").body());
        String email = "guess-" + run + "@limits.example";

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = logIn(browser, email, "palpite-" + i, csrf);
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        }
        HttpResponse<String> refused = logIn(browser, email, "palpite-5", csrf);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body())
                .contains("Muitas tentativas de entrar sem sucesso. Por segurança, espere 1 minuto e tente de novo.")
                .contains("name=\"_csrf\"");
    }

    @Test
    void theRefusedLoginPageShowsTheWaitOnALaptopAndAPhone() throws Exception {
        HttpClient browser = browserAt(nextAddress());
        String csrf = find(CSRF_FIELD, get(browser, "/login").body());
        String email = "screen-" + run + "@limits.example";
        for (int i = 0; i < 5; i++) {
            logIn(browser, email, "palpite-" + i, csrf);
        }
        String refused = logIn(browser, email, "palpite-5", csrf).body();

        // Chromium cannot log in from an address of its own: it shows the refused page's HTML as served.
        try (BrowserContext context = Browsers.brazilianContext()) {
            Page page = context.newPage();
            page.navigate(uri("/login").toString());
            page.setContent(refused);
            assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("espere 1 minuto");
            Browsers.fullScreenshot(page, Path.of("target", "screenshots", "login-throttled-desktop.png"));
            Browsers.phoneScreenshot(page, Path.of("target", "screenshots", "login-throttled-phone.png"));
        }
    }

    @Test
    void supportsHttpBasicIsThrottledToo() throws Exception {
        HttpClient client = browserAt(nextAddress());
        String credentials =
                Base64.getEncoder().encodeToString(("suporte-" + run + ":errada").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri("/webhooks/admin/quarantine"))
                .header("Authorization", "Basic " + credentials)
                .build();

        for (int i = 0; i < 5; i++) {
            assertThat(client.send(request, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> refused = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aFloodOfLoginPagesWritesNoSession() throws Exception {
        HttpClient anonymous =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long before = sessionRows();

        for (int i = 0; i < 100; i++) {
            HttpResponse<String> page =
                    anonymous.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("WO_SESSION="));
        }

        assertThat(sessionRows()).isEqualTo(before);
    }

    @Test
    void aSessionEndsTwelveHoursAfterItBeganHoweverBusy() throws Exception {
        String email = "long-" + run + "@limits.example";
        directory.create("Loja " + run, "Admin", email, "senha-" + run);
        HttpClient browser = browserAt(InetAddress.getLoopbackAddress());
        String csrf = find(CSRF_FIELD, get(browser, "/login").body());
        assertThat(logIn(browser, email, "senha-" + run, csrf).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));

        began(email, Duration.ofHours(11).plusMinutes(59));
        assertThat(get(browser, "/configuracoes").statusCode()).isEqualTo(200);

        began(email, Duration.ofHours(12).plusMinutes(1));
        HttpResponse<String> afterwards = get(browser, "/configuracoes");

        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).contains("/login"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where principal_name = ?", Long.class, email))
                .isZero();
    }

    /** Moves the creation of the user's session back to {@code ago} before now. */
    private void began(String email, Duration ago) {
        int moved = jdbc.update(
                "update spring_session set creation_time = ? where principal_name = ?",
                System.currentTimeMillis() - ago.toMillis(),
                email);
        assertThat(moved).isEqualTo(1);
    }

    private long sessionRows() {
        return jdbc.queryForObject("select count(*) from spring_session", Long.class);
    }

    private static synchronized InetAddress nextAddress() throws IOException {
        addresses++;
        return InetAddress.getByAddress(new byte[] {127, 0, (byte) (100 + addresses), (byte) (1 + addresses)});
    }

    private static HttpClient browserAt(InetAddress address) {
        return HttpClient.newBuilder()
                .localAddress(address)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpResponse<String> logIn(HttpClient browser, String email, String password, String csrf)
            throws IOException, InterruptedException {
        String form = Map.of("username", email, "password", password, "_csrf", csrf).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }
}
