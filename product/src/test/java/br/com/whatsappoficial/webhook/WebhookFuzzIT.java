package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import br.com.testsupport.PostgresTestDatabase;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ten thousand generated webhook POSTs through the real ingest path (the servlet, the group-commit
 * writer and the inbox on PostgreSQL, a database of its own): malformed, forged, oversized, deeply
 * nested, with unknown members, wrong types and values Meta may add tomorrow. None may escape as an
 * exception or a 5xx, no forgery may leave a row, and each correctly signed body is kept: once when it
 * is well formed, at least once (quarantined whole) otherwise.
 */
class WebhookFuzzIT {

    private static final Pattern MARKER = Pattern.compile("fz\\d{9}x");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private static HikariDataSource database;
    private static InboxWriter writer;
    private static MetaWebhookServlet servlet;

    private static final Set<String> refused = new HashSet<>();
    private static final Set<String> storedOnce = new HashSet<>();
    private static final Set<String> keptAtLeastOnce = new HashSet<>();
    private static final Map<Integer, Integer> answers = new HashMap<>();

    @BeforeContainer
    static void ingestOnItsOwnDatabase() {
        // Thousands of refused signatures would each log a warning; that they are refused is asserted.
        refusals().setLevel(Level.ERROR);
        database = new HikariDataSource();
        database.setJdbcUrl(PostgresTestDatabase.newDatabase());
        database.setUsername(PostgresTestDatabase.user());
        database.setPassword(PostgresTestDatabase.password());
        database.setMaximumPoolSize(4);
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        WebhookInbox inbox = new WebhookInbox(
                new NamedParameterJdbcTemplate(database),
                new InboxInsert(
                        new JdbcTemplate(database),
                        new br.com.whatsappoficial.store.Database(new JdbcTemplate(database))),
                new TransactionTemplate(new DataSourceTransactionManager(database)),
                Clock.systemUTC());
        writer = new InboxWriter(inbox, MetaWebhookServletTest.SETTINGS);
        // Processing is not ingest: the events stay pending, so every row a POST left can be counted.
        servlet = new MetaWebhookServlet(
                MetaWebhookServletTest.META,
                MetaWebhookServletTest.SETTINGS,
                inbox,
                writer,
                new WebhookMetrics(new SimpleMeterRegistry()),
                mock(InboxWorkers.class));
    }

    @AfterContainer
    static void close() {
        refusals().setLevel(null);
        writer.stop();
        database.close();
    }

    @Property(tries = 10_000)
    void noPostFailsAndNoForgeryIsStored(@ForAll("webhooks") FuzzedWebhook webhook, @ForAll("signings") Signing signing)
            throws Exception {
        String marker = "fz%09dx".formatted(SEQUENCE.incrementAndGet());
        byte[] body = webhook.body(marker);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", MetaWebhookServlet.PATH) {
            @Override
            public long getContentLengthLong() {
                return webhook instanceof FuzzedWebhook.Oversized oversized && oversized.chunked()
                        ? -1
                        : super.getContentLengthLong();
            }
        };
        request.setContent(body);
        signing.sign(request, body);
        MockHttpServletResponse response = new MockHttpServletResponse();

        servlet.doPost(request, response);

        int status = response.getStatus();
        synchronized (answers) {
            answers.merge(status, 1, Integer::sum);
        }
        boolean hasMarker = new String(body, StandardCharsets.UTF_8).contains(marker);
        if (webhook instanceof FuzzedWebhook.Oversized) {
            // Refused before its signature is checked: the cap is what keeps the body from being read.
            assertThat(status).isEqualTo(413);
            refused.add(marker);
        } else if (!signing.genuine()) {
            assertThat(status).as("forged with %s", signing).isEqualTo(401);
            refused.add(marker);
        } else {
            assertThat(status)
                    .as("signed %s", webhook.getClass().getSimpleName())
                    .isEqualTo(200);
            if (webhook.wellFormed()) {
                storedOnce.add(marker);
            } else if (hasMarker) {
                keptAtLeastOnce.add(marker);
            }
        }
    }

    @AfterProperty
    void countTheRowsEachPostLeft() {
        Map<String, Integer> rows = new HashMap<>();
        new JdbcTemplate(database).query("select payload from webhook_inbox", (java.sql.ResultSet row) -> {
            Set<String> markers = new HashSet<>();
            Matcher found = MARKER.matcher(row.getString(1));
            while (found.find()) {
                markers.add(found.group());
            }
            markers.forEach(marker -> rows.merge(marker, 1, Integer::sum));
        });
        long refusedButStored = refused.stream().filter(rows::containsKey).count();
        long notStoredOnce = storedOnce.stream()
                .filter(marker -> rows.getOrDefault(marker, 0) != 1)
                .count();
        long lost = keptAtLeastOnce.stream()
                .filter(marker -> !rows.containsKey(marker))
                .count();
        System.out.printf(
                "Webhook fuzz: %d POSTs, answers %s; %d refused (forged or over the cap), %d stored; %d well-formed"
                        + " stored once; refused but stored %d, well-formed not stored exactly once %d, signed bodies lost %d%n",
                SEQUENCE.get(),
                answers,
                refused.size(),
                rows.size(),
                storedOnce.size(),
                refusedButStored,
                notStoredOnce,
                lost);
        assertThat(refusedButStored).isZero();
        assertThat(notStoredOnce).isZero();
        assertThat(lost).isZero();
    }

    private static Logger refusals() {
        return (Logger) LoggerFactory.getLogger("security.webhook");
    }

    @Provide
    Arbitrary<FuzzedWebhook> webhooks() {
        Arbitrary<String> unknownMember = Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(20)
                .flatMap(name -> Arbitraries.of("1", "\"1\"", "[]", "{}", "null", "[{\"x\":[1,{}]}]", "-1.5e-7")
                        .map(value -> "\"future_" + name + "\":" + value));
        return Arbitraries.frequencyOf(
                Tuple.of(
                        30,
                        Arbitraries.strings()
                                .all()
                                .ofMaxLength(200)
                                .flatMap(text -> unknownMember
                                        .list()
                                        .ofMaxSize(4)
                                        .map(members -> new FuzzedWebhook.Message(text, members)))),
                Tuple.of(
                        10,
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(300).map(FuzzedWebhook.FutureStatus::new)),
                Tuple.of(
                        10,
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars('_')
                                .ofMinLength(1)
                                .ofMaxLength(120)
                                .map(FuzzedWebhook.FutureField::new)),
                Tuple.of(
                        15,
                        Arbitraries.integers()
                                .between(0, FuzzedWebhook.WrongType.VARIANTS - 1)
                                .map(FuzzedWebhook.WrongType::new)),
                Tuple.of(
                        5,
                        Combinators.combine(Arbitraries.integers().between(1, 10_000), Arbitraries.of(true, false))
                                .as(FuzzedWebhook.DeeplyNested::new)),
                Tuple.of(10, Arbitraries.doubles().between(0, 1).map(FuzzedWebhook.Truncated::new)),
                Tuple.of(
                        5,
                        Combinators.combine(
                                        Arbitraries.oneOf(
                                                Arbitraries.bytes()
                                                        .between((byte) -128, (byte) -1)
                                                        .array(byte[].class)
                                                        .ofMinSize(1)
                                                        .ofMaxSize(6),
                                                // What a lenient JSON reader lets through: a surrogate, overlong
                                                // forms, a code point past U+10FFFF.
                                                Arbitraries.of(
                                                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                                        new byte[] {(byte) 0xC0, (byte) 0xAF},
                                                        new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                                                        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80
                                                        })),
                                        Arbitraries.integers().between(0, 5))
                                .as(FuzzedWebhook.NotUtf8::new)),
                Tuple.of(
                        10,
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(FuzzedWebhook.Garbage::new)),
                Tuple.of(
                        1,
                        Combinators.combine(Arbitraries.integers().between(1, 100_000), Arbitraries.of(true, false))
                                .as(FuzzedWebhook.Oversized::new)));
    }

    /** Mostly signed as Meta signs, so that most POSTs get past the signature to the parser. */
    @Provide
    Arbitrary<Signing> signings() {
        Signing[] forgeries = java.util.Arrays.stream(Signing.values())
                .filter(signing -> !signing.genuine())
                .toArray(Signing[]::new);
        return Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.of(Signing.GENUINE)),
                Tuple.of(5, Arbitraries.of(Signing.GENUINE_IN_UPPER_CASE)),
                Tuple.of(5, Arbitraries.of(Signing.GENUINE_UNDER_A_LOWER_CASE_HEADER_NAME)),
                Tuple.of(30, Arbitraries.of(forgeries)));
    }
}
