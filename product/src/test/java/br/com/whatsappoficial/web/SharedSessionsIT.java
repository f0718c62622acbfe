package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.testsupport.PostgresTestDatabase;
import br.com.whatsappoficial.WhatsAppOficialApplication;
import br.com.whatsappoficial.store.StoreDirectory;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Two nodes on one database, as behind the production load balancer: node A is this test's context,
 * node B a second application started here. One cookie jar plays the merchant's browser, whose
 * requests the balancer spreads over both.
 */
@PostgresIntegrationTest
class SharedSessionsIT {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    static ConfigurableApplicationContext nodeB;

    @LocalServerPort
    int portA;

    @Autowired
    StoreDirectory directory;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    HttpClient browser;
    String run;

    @BeforeAll
    static void startNodeB() {
        nodeB = new SpringApplicationBuilder(WhatsAppOficialApplication.class)
                .initializers(new PostgresTestDatabase())
                .properties("spring.main.banner-mode=off")
                // As an argument: application.yml's port outranks the builder's default properties, and
                // node B then took 8080 whenever it was free (and failed when a product ran there).
                .run("--server.port=0");
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @BeforeEach
    void freshBrowser() {
        browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aLoginOnNodeAIsValidOnNodeB() throws Exception {
        String email = store("A");

        logIn(nodeA(), email);
        HttpResponse<String> settings = get(nodeB(), "/configuracoes");

        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("Loja A " + run, email);
    }

    @Test
    void aPageAskedForOnNodeAOpensAfterTheLoginOnNodeB() throws Exception {
        String email = store("A");

        HttpResponse<String> asked = get(nodeA(), "/configuracoes");
        String to = logIn(nodeB(), email);

        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(to).contains("/configuracoes");
    }

    @Test
    void formsRenderedByNodeAAreAcceptedByNodeB() throws Exception {
        logIn(nodeA(), store("A"));
        String page = get(nodeA(), "/configuracoes").body();

        HttpResponse<String> report = post(
                nodeB(),
                "/configuracoes/whatsapp-oficial/conexao",
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", find(CSRF_META, page))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"CANCEL\"}")));
        HttpResponse<String> forged = post(
                nodeB(),
                "/configuracoes/whatsapp-oficial/conexao",
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"CANCEL\"}")));

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("message");
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aLogoutOnNodeBEndsTheSessionOnNodeA() throws Exception {
        logIn(nodeA(), store("A"));
        String page = get(nodeA(), "/configuracoes").body();

        HttpResponse<String> logout = postForm(nodeB(), "/logout", Map.of("_csrf", find(CSRF_FIELD, page)));
        HttpResponse<String> afterwards = get(nodeA(), "/configuracoes");

        assertThat(logout.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void aSessionShowsOnlyItsOwnStoresData() throws Exception {
        String emailA = store("A");
        String emailB = store("B");

        logIn(nodeA(), emailB);
        String seenByB = get(nodeB(), "/configuracoes").body();

        assertThat(seenByB).contains("Loja B " + run, emailB).doesNotContain("Loja A " + run, emailA);
    }

    @Test
    void theSessionKeepsItsTimeoutInTheDatabase() throws Exception {
        String email = store("A");

        logIn(nodeA(), email);

        assertThat(sessions.findByPrincipalName(email).values())
                .singleElement()
                .extracting(Session::getMaxInactiveInterval)
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void webhooksActuatorAndSandboxCreateNoSession() throws Exception {
        // Meta, the load balancer's probes and the sandbox never send a session cookie back: a session
        // made for each of their requests would be one database row per call, never used again.
        var responses = List.of(
                get(nodeB(), "/actuator/health"),
                get(nodeB(), "/actuator/prometheus"),
                get(nodeB(), "/webhooks/meta?hub.mode=subscribe&hub.verify_token=sandbox-verify-token&hub.challenge=7"),
                post(
                        nodeB(),
                        "/webhooks/meta",
                        HttpRequest.newBuilder()
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
                get(nodeB(), "/sandbox"));

        assertThat(responses)
                .allSatisfy(response -> assertThat(response.statusCode()).isLessThan(500))
                .allSatisfy(response -> assertThat(response.headers().allValues("Set-Cookie"))
                        .noneMatch(cookie -> cookie.startsWith("WO_SESSION=")));
    }

    private String store(String letter) {
        String email = letter.toLowerCase() + "-" + run + "@sessions.example";
        directory.create("Loja " + letter + " " + run, "Admin " + letter, email, "senha-" + run);
        return email;
    }

    /** Logs in through the login form and answers where it sends the browser. */
    private String logIn(URI node, String email) throws IOException, InterruptedException {
        String csrf = find(CSRF_FIELD, get(node, "/login").body());
        HttpResponse<String> login =
                postForm(node, "/login", Map.of("username", email, "password", "senha-" + run, "_csrf", csrf));
        String to = login.headers().firstValue("Location").orElseThrow();
        assertThat(to).doesNotContain("error");
        return to;
    }

    private HttpResponse<String> get(URI node, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(node.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(URI node, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(
                node,
                path,
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> post(URI node, String path, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return browser.send(request.uri(node.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI nodeA() {
        return URI.create("http://127.0.0.1:" + portA);
    }

    private static URI nodeB() {
        return URI.create("http://127.0.0.1:" + nodeB.getEnvironment().getProperty("local.server.port"));
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }
}
