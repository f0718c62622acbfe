package br.com.whatsappoficial.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxWaba;
import br.com.whatsappoficial.store.StoreDirectory;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded default (sandbox mode, H2 file database in a fresh data directory) kept busy for several
 * lifetimes of its pooled connections, shortened to Hikari's minimum of 30 s: merchants log in and open
 * their pages over HTTP, connect numbers, Meta's console reviews them, customers write, readiness is
 * asked. Every error line the product logs is reported, and so is every request that failed. Run with
 * {@code bench/soak} ({@code SOAK_LIFETIMES} sets how many lifetimes, 5 by default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "spring.datasource.hikari.max-lifetime=30000",
            "onboarding.registration-poll=500ms",
            "sandbox.webhooks.poll-interval=200ms"
        })
class EmbeddedDefaultSoak {

    static final Duration LIFETIME = Duration.ofSeconds(30);
    static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", () -> {
            try {
                return Files.createTempDirectory("whatsapp-oficial-soak").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    final List<String> failures = new ArrayList<>();
    final List<String> customerMessages = new ArrayList<>();
    int logins;
    int pages;
    int connected;
    int reviews;
    int readinessAsked;

    @Test
    void severalPoolLifetimesOfMerchantsAndWebhooks() throws Exception {
        int lifetimes = Integer.parseInt(System.getenv().getOrDefault("SOAK_LIFETIMES", "5"));
        LogLines log = LogLines.attach();
        double connectionsAtStart = connectionsCreated();
        long started = System.nanoTime();
        long end = started + LIFETIME.multipliedBy(lifetimes).plusSeconds(5).toNanos();
        List<SandboxPhone> phones = new ArrayList<>();
        for (int round = 0; System.nanoTime() < end; round++) {
            try {
                play(round, phones);
            } catch (RuntimeException e) {
                failures.add("round " + round + " stopped: " + firstLine(e.toString()));
            }
            readiness();
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            await().atMost(Duration.ofMinutes(1)).until(this::everyCustomerMessageProcessed);
        } catch (RuntimeException e) {
            failures.add("customer messages left unprocessed: " + e.getMessage());
        }
        log.detach();

        System.out.printf(
                """

                === embedded default soak (H2 file database, pool max-lifetime %d s) ===
                ran                            : %,.0f s (%d pool lifetimes)
                pooled connections opened      : %,.0f
                logins / pages opened          : %,d / %,d
                numbers connected / reviewed   : %,d / %,d
                customer messages (webhooks)   : %,d sent, %,d processed
                readiness asked                : %,d
                failed requests and rounds     : %,d
                error lines in the log         : %,d
                warning lines in the log       : %,d
                %s
                %s
                %s
                """,
                LIFETIME.toSeconds(),
                seconds,
                lifetimes,
                connectionsCreated() - connectionsAtStart,
                logins,
                pages,
                connected,
                reviews,
                customerMessages.size(),
                processedCustomerMessages(),
                readinessAsked,
                failures.size(),
                log.errors.size(),
                log.warnings.size(),
                String.join("\n", failures.stream().limit(20).toList()),
                String.join("\n", log.errors.stream().limit(20).toList()),
                String.join("\n", log.warnings.stream().limit(20).toList()));
        assertThat(failures).as("failed requests and rounds").isEmpty();
        assertThat(log.errors).as("error lines in the log").isEmpty();
    }

    /** One round: a merchant of a new store logs in and browses; now and then a number and Meta's review. */
    private void play(int round, List<SandboxPhone> phones) {
        Merchant merchant = merchantOfANewStore();
        merchant.browse();
        if (round % 4 == 0) {
            merchant.connectANumber().ifPresent(phones::add);
        }
        if (round % 4 == 2 && !phones.isEmpty()) {
            SandboxPhone phone = phones.get(ThreadLocalRandom.current().nextInt(phones.size()));
            sandbox.approveDisplayName(phone.id());
            reviews++;
        }
        for (SandboxPhone phone : phones) {
            customerMessages.add(sandbox.customerSends(
                    phone.id(), "55119" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999), "", "Oi"));
        }
    }

    private Merchant merchantOfANewStore() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "soak-" + run + "@loja.example";
        stores.create("Loja Soak " + run, "Sol " + run, email, "senha-soak-1");
        return new Merchant(run, email, "senha-soak-1");
    }

    private void readiness() {
        readinessAsked++;
        HttpResponse<String> answer = send(HttpClient.newHttpClient(), get("/actuator/health/readiness"));
        if (answer.statusCode() != 200) {
            failures.add("readiness answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private boolean everyCustomerMessageProcessed() {
        return processedCustomerMessages() == customerMessages.size();
    }

    private long processedCustomerMessages() {
        return customerMessages.stream()
                .filter(id ->
                        jdbc.sql("select count(*) from webhook_inbox where idempotency_key = :key and state = 'DONE'")
                                        .param("key", "message:" + id)
                                        .query(Long.class)
                                        .single()
                                == 1)
                .count();
    }

    private double connectionsCreated() {
        var timer = meters.find("hikaricp.connections.creation").timer();
        return timer == null ? 0 : timer.count();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One merchant's browser: its own cookies, no redirects followed, over the product's real port. */
    private final class Merchant {

        final String run;
        final HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Merchant(String run, String email, String password) {
            this.run = run;
            HttpResponse<String> login = expect(get("/login"), 200);
            String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf="
                    + encode(find(CSRF_INPUT, login.body()));
            HttpResponse<String> answer = send(
                    browser,
                    get("/login")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)));
            logins++;
            if (answer.statusCode() != 302
                    || !answer.headers().firstValue("Location").orElse("").endsWith("/")) {
                failures.add("login of " + email + " answered " + answer.statusCode() + " "
                        + answer.headers().firstValue("Location").orElse(""));
            }
        }

        void browse() {
            for (String page : List.of("/", "/configuracoes", "/configuracoes/whatsapp-oficial/status")) {
                expect(get(page), 200);
                pages++;
            }
        }

        Optional<SandboxPhone> connectANumber() {
            SandboxBusiness business = sandbox.createBusiness("Loja Soak " + run + " Ltda");
            SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Soak");
            SandboxPhone phone = sandbox.addPhone(
                    waba.id(), "+551198" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja Soak");
            sandbox.verifyPhone(phone.id());
            String token = find(
                    CSRF_META,
                    expect(get("/configuracoes/whatsapp-oficial/status"), 200).body());
            String finish = """
                    {"outcome":"FINISH","code":"%s","waba_id":"%s","phone_number_id":"%s","business_id":"%s"}""".formatted(sandbox.issueCode(business.id()), waba.id(), phone.id(), business.id());
            HttpResponse<String> answer = expect(
                    get("/configuracoes/whatsapp-oficial/conexao")
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-TOKEN", token)
                            .POST(HttpRequest.BodyPublishers.ofString(finish)),
                    200);
            if (!answer.body().contains("/configuracoes/whatsapp-oficial/status")) {
                failures.add("connecting " + phone.id() + " answered " + answer.body());
                return Optional.empty();
            }
            connected++;
            sandbox.setReview(waba.id(), "APPROVED");
            reviews++;
            return Optional.of(phone);
        }

        private HttpResponse<String> expect(HttpRequest.Builder request, int status) {
            HttpResponse<String> answer = send(browser, request);
            if (answer.statusCode() != status) {
                failures.add(answer.request().method() + " "
                        + answer.request().uri().getPath() + " answered " + answer.statusCode());
            }
            return answer;
        }
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 240 ? line.substring(0, 240) + "…" : line;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The product's WARN and ERROR lines while the soak runs, as the log shows them. */
    private static final class LogLines extends AppenderBase<ILoggingEvent> {

        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();

        static LogLines attach() {
            LogLines lines = new LogLines();
            lines.setContext(root().getLoggerContext());
            lines.start();
            root().addAppender(lines);
            return lines;
        }

        void detach() {
            root().detachAppender(this);
            stop();
        }

        @Override
        protected void append(ILoggingEvent event) {
            String line = firstLine(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                            ? ""
                            : " (" + event.getThrowableProxy().getClassName() + ": "
                                    + event.getThrowableProxy().getMessage() + ")"));
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                errors.add(line);
            } else if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                warnings.add(line);
            }
        }

        private static Logger root() {
            return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        }
    }
}
