package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Support's quarantine page over real HTTP, as a browser and as an API client: HTTP Basic for the
 * support role only, a CSRF token on every form, none for a POST that declares JSON. Workers are off,
 * so a replayed event stays PENDING for the test to see; {@link InboxWorkers#drain()} quarantines.
 */
@PostgresIntegrationTest
@TestPropertySource(
        properties = {
            "webhook.workers-enabled=false",
            "webhook.support-username=suporte",
            "webhook.support-password-hash={noop}suporte-senha"
        })
class QuarantinePageIT {

    static final String SUPPORT = "suporte:suporte-senha";
    static final String PAGE = "/webhooks/admin/quarentena";
    static final String API = "/webhooks/admin/quarantine";
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** Every page of the layout carries the token for htmx, also one without a form. */
    static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    static final Pattern EVENT_ROW = Pattern.compile("data-event-id=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoreDirectory stores;

    @Autowired
    InboxWorkers workers;

    /** A browser's cookie jar: the CSRF cookie comes back with the form, as Chromium would send it. */
    HttpClient browser;

    String run;
    String waba;
    long unreadable;
    long malformed;

    @BeforeEach
    void quarantineAnUnreadableEventAndAMalformedBody() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        MetaWebhooks meta = new MetaWebhooks(port);
        run = MetaWebhooks.run();
        waba = "waba-" + run;
        String phone = "phone-" + run;
        StoreId store = stores.create("Loja " + run, "Dona " + run, "dona-" + run + "@loja.example", "senha-123456");
        MetaWebhooks.connect(jdbc, store, waba, phone);

        assertThat(meta.post(MetaWebhooks.unreadableStatus(waba, phone, "wamid.q-" + run)))
                .isEqualTo(200);
        workers.drain();
        unreadable = id("status:sent:wamid.q-" + run);
        assertThat(state(unreadable)).isEqualTo("QUARANTINED");

        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + run
                + "\",<script>alert(1)</script>";
        assertThat(meta.post(body)).isEqualTo(200);
        malformed = jdbc.sql("select id from webhook_inbox where payload = :body")
                .param("body", body)
                .query(Long.class)
                .single();
    }

    @Test
    void supportWithoutCredentialsIsAskedForThem() throws Exception {
        HttpResponse<String> response = get(PAGE, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @Test
    void wrongCredentialsAndMerchantsAreRefused() throws Exception {
        assertThat(get(PAGE, "suporte:errada").statusCode()).isEqualTo(401);
        assertThat(get(PAGE, "dona-" + run + "@loja.example:senha-123456").statusCode())
                .isEqualTo(401);

        logInAsMerchant("ana@aurora.example", "aurora-demo");
        assertThat(get("/", null).statusCode()).isEqualTo(200);
        assertThat(get(PAGE, null).statusCode()).isEqualTo(401);
        assertThat(post(PAGE + "/" + unreadable + "/reprocessar", null, csrfTokenOf("/")))
                .extracting(HttpResponse::statusCode)
                .isIn(401, 403);
        assertThat(state(unreadable)).isEqualTo("QUARANTINED");
    }

    @Test
    void supportSeesQuarantinedEventsNewestFirstWithThePagesHeaders() throws Exception {
        HttpResponse<String> response = get(PAGE, SUPPORT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "Quarentena de webhooks",
                        waba,
                        "not a Unix timestamp: ontem",
                        "corpo ilegível",
                        "Evento que o produto não sabe ler",
                        "Corpo ilegível: a Meta enviou um conteúdo que não é o JSON dos webhooks");
        assertThat(eventIds(response.body())).containsSubsequence(malformed, unreadable);
        String loginPolicy = get("/login", null)
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow();
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(loginPolicy);
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith("WO_SESSION="))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("SUPPORT-XSRF=")
                        .contains("Path=/webhooks/admin", "HttpOnly", "SameSite=Strict"));
    }

    @Test
    void theDetailShowsThePayloadEscaped() throws Exception {
        String page = get(PAGE + "/" + malformed, SUPPORT).body();

        assertThat(page)
                .contains("Evento nº " + malformed, "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>", ">Reprocessar<")
                .contains("não pode ser reprocessado");
        assertThat(get(PAGE + "/" + unreadable, SUPPORT).body())
                .contains("&quot;timestamp&quot; : &quot;ontem&quot;", ">Reprocessar<");
    }

    @Test
    void aReplayFormWithoutItsCsrfTokenIsRefused() throws Exception {
        get(PAGE + "/" + unreadable, SUPPORT);

        assertThat(post(PAGE + "/" + unreadable + "/reprocessar", SUPPORT, null).statusCode())
                .isEqualTo(403);
        assertThat(post(PAGE + "/" + unreadable + "/reprocessar", SUPPORT, "forged")
                        .statusCode())
                .isEqualTo(403);
        assertThat(state(unreadable)).isEqualTo("QUARANTINED");
    }

    @Test
    void aReplayFormWithItsTokenPutsTheEventBackInTheQueue() throws Exception {
        String token = csrfTokenOf(PAGE + "/" + unreadable);

        HttpResponse<String> replayed = post(PAGE + "/" + unreadable + "/reprocessar", SUPPORT, token);

        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith(PAGE + "?reprocessado=" + unreadable));
        assertThat(state(unreadable)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select attempts from webhook_inbox where id = :id")
                        .param("id", unreadable)
                        .query(Integer.class)
                        .single())
                .isZero();
        String list = get(PAGE + "?reprocessado=" + unreadable, SUPPORT).body();
        assertThat(list).contains("O evento nº " + unreadable + " voltou para a fila");
        assertThat(eventIds(list)).doesNotContain(unreadable);

        HttpResponse<String> again = post(PAGE + "/" + unreadable + "/reprocessar", SUPPORT, token);
        assertThat(again.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith(PAGE + "?indisponivel=" + unreadable));
        assertThat(get(PAGE + "?indisponivel=" + unreadable, SUPPORT).body())
                .contains("O evento nº " + unreadable + " não está mais em quarentena");
    }

    @Test
    void aMalformedBodyIsNotReplayedAndSupportIsToldWhy() throws Exception {
        // The page offers no replay for an unreadable body; a stale page or a hand-made POST still may.
        String token = token(CSRF_META, PAGE + "/" + malformed);

        HttpResponse<String> refused = post(PAGE + "/" + malformed + "/reprocessar", SUPPORT, token);

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith(PAGE + "/" + malformed + "?recusado"));
        assertThat(get(PAGE + "/" + malformed + "?recusado", SUPPORT).body())
                .contains("Não foi possível reprocessar este evento: o corpo recebido da Meta não é um JSON válido");
        assertThat(state(malformed)).isEqualTo("QUARANTINED");
    }

    @Test
    void theJsonApiNeedsNoTokenWhenItDeclaresJson() throws Exception {
        HttpClient apiClient = HttpClient.newHttpClient();
        HttpResponse<String> list = apiClient.send(
                request(API, SUPPORT).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(list.body()).contains("\"id\":" + unreadable, "\"id\":" + malformed);

        HttpResponse<String> replayed = apiClient.send(
                request(API + "/" + unreadable + "/replay", SUPPORT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(state(unreadable)).isEqualTo("PENDING");
    }

    /** What another site can make a browser send without a CORS preflight: never without a token. */
    @Test
    void theJsonApiRefusesPostsThatAFormCouldForge() throws Exception {
        HttpClient apiClient = HttpClient.newHttpClient();
        for (String contentType : new String[] {
            null,
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "text/plain",
            "text/plain; a=/json"
        }) {
            HttpRequest.Builder forged =
                    request(API + "/" + unreadable + "/replay", SUPPORT).POST(HttpRequest.BodyPublishers.noBody());
            if (contentType != null) {
                forged.header("Content-Type", contentType);
            }
            assertThat(apiClient
                            .send(forged.build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .as("Content-Type %s", contentType)
                    .isEqualTo(403);
        }
        assertThat(state(unreadable)).isEqualTo("QUARANTINED");
    }

    @Test
    void pagesWalkFromTheNewestToTheOldestEvents() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < QuarantinePageController.LIST_LIMIT + 5; i++) {
            jdbc.sql("""
                            insert into webhook_inbox (idempotency_key, field, waba_id, payload, state, attempts,
                                                       received_at, next_attempt_at, last_error)
                            values (:key, 'messages', :waba, '{}', 'QUARANTINED', 10, :now, :now, 'failed 10 times')""")
                    .param("key", "page:" + run + ":" + i)
                    .param("waba", waba)
                    .param("now", now)
                    .update();
        }

        String first = get(PAGE, SUPPORT).body();
        List<Long> newest = eventIds(first);
        assertThat(newest).hasSize(QuarantinePageController.LIST_LIMIT).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(first).contains("Mais antigos").doesNotContain("Mais recentes");

        String second = get(PAGE + "?antes=" + newest.getLast(), SUPPORT).body();
        List<Long> older = eventIds(second);
        assertThat(older).isNotEmpty().allSatisfy(id -> assertThat(id).isLessThan(newest.getLast()));
        assertThat(older).contains(unreadable, malformed);
        assertThat(second).contains("Mais recentes");

        HttpResponse<String> api = browser.send(
                request(API + "?limit=2&before=" + newest.getFirst(), SUPPORT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"id\":" + newest.get(1)).doesNotContain("\"id\":" + newest.getFirst() + ",");
    }

    /** The database is the test run's own and earlier tests are done with their quarantined rows. */
    @Test
    void saysSoWhenNothingIsQuarantined() throws Exception {
        jdbc.sql("update webhook_inbox set state = 'DONE' where state = 'QUARANTINED'")
                .update();

        String page = get(PAGE, SUPPORT).body();

        assertThat(page).contains("Nenhum evento em quarentena").doesNotContain("<table");
    }

    private String csrfTokenOf(String path) throws Exception {
        return token(CSRF_FIELD, path);
    }

    private String token(Pattern where, String path) throws Exception {
        String page = get(path, path.startsWith("/webhooks") ? SUPPORT : null).body();
        Matcher token = where.matcher(page);
        assertThat(token.find()).as("a CSRF token on %s", path).isTrue();
        return token.group(1);
    }

    private void logInAsMerchant(String email, String password) throws Exception {
        String token = csrfTokenOf("/login");
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form("username", email, "password", password, "_csrf", token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    private HttpResponse<String> get(String path, @Nullable String credentials) throws Exception {
        return browser.send(request(path, credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST as a browser sends it: form-encoded, with the cookies it holds. */
    private HttpResponse<String> post(String path, @Nullable String credentials, @Nullable String csrfToken)
            throws Exception {
        HttpRequest.BodyPublisher body =
                csrfToken == null ? HttpRequest.BodyPublishers.ofString("") : form("_csrf", csrfToken);
        return browser.send(
                request(path, credentials)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, @Nullable String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpRequest.BodyPublisher form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(namesAndValues[i])
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(form.toString());
    }

    private static java.util.List<Long> eventIds(String page) {
        return EVENT_ROW
                .matcher(page)
                .results()
                .map(row -> Long.valueOf(row.group(1)))
                .toList();
    }

    private long id(String key) {
        return jdbc.sql("select id from webhook_inbox where idempotency_key = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }

    private String state(long id) {
        return jdbc.sql("select state from webhook_inbox where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
