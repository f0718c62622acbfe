package br.com.whatsappoficial.bench;

import static org.awaitility.Awaitility.await;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Meta's webhooks against the running product on PostgreSQL over loopback HTTP, with Meta's mix (per
 * message, the customer's text and 3 statuses; 1 to 10 events per POST), next to the baseline measured
 * in the same run: the multi-row {@code INSERT ... ON CONFLICT DO NOTHING} rate of the same database for
 * the same rows ({@link RawInserts}). Two figures: ingest alone (workers stopped: the acknowledgement
 * Meta waits for), and end to end as production runs (workers on, a connected number whose messages the
 * statuses move): events stored and processed per second, the acknowledgement latency at 1,000 events/s
 * offered while processing runs, and how long the inbox takes to empty once the load stops. Run with
 * {@code bench/run}; it prints figures and asserts nothing about time.
 */
@PostgresIntegrationTest
@ExtendWith(BenchDatabase.class)
// Its workers must not go on claiming events of this bench's database after it ends.
@DirtiesContext
// The product's own number of workers (tests run with fewer).
@TestPropertySource(
        properties = {
            "sandbox.webhooks.enabled=false",
            "webhook.workers=4",
            "spring.datasource.hikari.maximum-pool-size=20"
        })
class WebhookBench {

    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration MAX_RATE_RUN = Duration.ofSeconds(15);
    static final Duration OFFERED_RUN = Duration.ofSeconds(20);
    static final int OFFERED_EVENTS_PER_SECOND = 1_000;
    static final int CONCURRENT_POSTS = 32;
    static final int MESSAGES = 200_000;
    /** Meta's mix: 1 to 10 events per POST. */
    static final double EVENTS_PER_POST = 5.5;
    /** Above any ingest ratio measured: how many POSTs to prepare for ingest alone. */
    static final double INGEST_AT_MOST_OF_RAW = 0.8;
    /** Above any end-to-end acknowledgement rate measured, as a share of ingest alone's. */
    static final double END_TO_END_AT_MOST_OF_INGEST = 0.7;

    /** Events of no store, for ingest alone: deleted before the workers start. */
    static final String INGEST_WABA = "bench-ingest-waba";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MetaSettings meta;

    @Autowired
    StoreDirectory stores;

    @Autowired
    ApplicationContext context;

    /** What a timed run did and the CPU it took. */
    record Run(long events, Duration took, CpuMeter.Reading cpu, long generatorNanos, long builtWhileSending) {

        Run(WebhookLoad.Loop loop, Duration took, CpuMeter.Reading cpu) {
            this(loop.acked(), took, cpu, loop.generatorNanos(), loop.builtWhileSending());
        }

        double perSecond() {
            return events / (took.toNanos() / 1e9);
        }

        double productMicros() {
            return (cpu.jvmNanos() - generatorNanos) / 1e3 / events;
        }

        double generatorMicros() {
            return generatorNanos / 1e3 / events;
        }

        double postgresMicros() {
            return cpu.postgresNanos() < 0 ? Double.NaN : cpu.postgresNanos() / 1e3 / events;
        }
    }

    @Test
    void ingestAloneAndEndToEndAgainstRawInserts() throws Exception {
        SmartLifecycle workers = context.getBean("inboxWorkers", SmartLifecycle.class);
        workers.stop();
        WebhookLoad unknownStore =
                new WebhookLoad(port, meta.appSecret(), () -> mix(INGEST_WABA, "bench-ingest-phone", null));
        unknownStore.closedLoop(WARM_UP, CONCURRENT_POSTS / 2);

        RawInserts rawInserts = new RawInserts(jdbc, storedPayloads());
        rawInserts.warmUp(MAX_RATE_RUN);
        settle();
        CpuMeter.Reading rawStart = CpuMeter.read();
        long rawStarted = System.nanoTime();
        long rawRows = rawInserts.run(MAX_RATE_RUN);
        Run raw = new Run(
                rawRows,
                Duration.ofNanos(System.nanoTime() - rawStarted),
                CpuMeter.read().minus(rawStart),
                0,
                0);

        // Ingest takes at most what the database takes; more than that would only cost memory.
        List<WebhookLoad.Prepared> ingestPosts =
                unknownStore.prepare(posts(raw.perSecond() * INGEST_AT_MOST_OF_RAW, MAX_RATE_RUN));
        settle();
        Run ingest = timed(unknownStore, MAX_RATE_RUN, ingestPosts);
        ingestPosts = null;
        settle();
        Offered ingestAck = offered(unknownStore);
        jdbc.update("delete from webhook_inbox where waba_id = ?", INGEST_WABA);

        Connected shop = connect();
        WebhookLoad connected = new WebhookLoad(port, meta.appSecret(), shop::next);
        workers.start();
        connected.closedLoop(WARM_UP, CONCURRENT_POSTS / 2);
        awaitEmpty();

        // The offered phase needs messages of its own.
        List<WebhookLoad.Prepared> endToEndPosts = connected.prepare((int) Math.min(
                posts(ingest.perSecond() * END_TO_END_AT_MOST_OF_INGEST, MAX_RATE_RUN),
                posts(
                        shop.eventsLeft() - OFFERED_EVENTS_PER_SECOND * OFFERED_RUN.toSeconds() * 2,
                        Duration.ofSeconds(1))));
        settle();
        CpuMeter.Reading started = CpuMeter.read();
        long start = System.nanoTime();
        WebhookLoad.Loop loop = connected.closedLoop(MAX_RATE_RUN, CONCURRENT_POSTS, endToEndPosts);
        endToEndPosts = null;
        Duration loadTook = Duration.ofNanos(System.nanoTime() - start);
        Duration drained = awaitEmpty();
        Run endToEnd = new Run(loop, loadTook.plus(drained), CpuMeter.read().minus(started));
        // Untimed: the prepared statuses the loop did not get to, so that every message's are sent.
        connected.sendAll(loop.unsent(), CONCURRENT_POSTS);
        awaitEmpty();

        settle();
        Offered processingAck = offered(connected);
        Duration drainedAfterOffered = awaitEmpty();
        long unmoved = shop.unmovedMessages();

        System.out.printf(
                """

                === webhook benchmark (PostgreSQL, loopback HTTP, %d cores, %d workers) ===
                raw multi-row INSERT ... ON CONFLICT, same rows (%d rows x %d clients): %,9.0f rows/s   (baseline)
                ingest alone, workers stopped (%d concurrent POSTs)            : %,9.0f events/s stored   ratio %.2f (target >= 0.60)
                  ack at %,d events/s offered, %ds                              : %s
                    (the database's own single-row commit meanwhile             : %s)
                end to end, workers on, a connected number (%d concurrent POSTs): %,9.0f events/s stored and processed   ratio %.3f (target >= 0.20)
                  (%,d events acknowledged in %.1f s, inbox empty %.1f s after the load stopped)
                  ack at %,d events/s offered while processing runs            : %s   (target p99 <= 50 ms)
                    (the database's own single-row commit meanwhile             : %s)
                  inbox empty %.1f s after that load stopped (target <= 10 s); messages with a status left unapplied: %d
                CPU per row or event (µs)          product JVM   load generator   PostgreSQL
                  raw multi-row INSERT             %8.1f (JDBC)            -     %8.1f
                  ingest alone                     %8.1f          %8.1f     %8.1f
                  end to end                       %8.1f          %8.1f     %8.1f
                JVM CPU by thread group, ingest alone: %s
                                          end to end: %s
                (the load generator's POSTs are built and signed before each timed loop, as wrk's are; built while
                 sending because the prepared ones ran out: %,d in ingest alone, %,d end to end)
                (one machine's figures: compare ratios, not rates)
                %n""",
                Runtime.getRuntime().availableProcessors(),
                context.getEnvironment().getProperty("webhook.workers", Integer.class, 4),
                RawInserts.ROWS_PER_STATEMENT,
                RawInserts.CLIENTS,
                raw.perSecond(),
                CONCURRENT_POSTS,
                ingest.perSecond(),
                ingest.perSecond() / raw.perSecond(),
                OFFERED_EVENTS_PER_SECOND,
                OFFERED_RUN.toSeconds(),
                latencies(ingestAck.ack()),
                latencies(ingestAck.commit()),
                CONCURRENT_POSTS,
                endToEnd.perSecond(),
                endToEnd.perSecond() / raw.perSecond(),
                loop.acked(),
                loadTook.toMillis() / 1000.0,
                drained.toMillis() / 1000.0,
                OFFERED_EVENTS_PER_SECOND,
                latencies(processingAck.ack()),
                latencies(processingAck.commit()),
                drainedAfterOffered.toMillis() / 1000.0,
                unmoved,
                raw.productMicros(),
                raw.postgresMicros(),
                ingest.productMicros(),
                ingest.generatorMicros(),
                ingest.postgresMicros(),
                endToEnd.productMicros(),
                endToEnd.generatorMicros(),
                endToEnd.postgresMicros(),
                ingest.cpu().byThreadGroup(6),
                endToEnd.cpu().byThreadGroup(6),
                ingest.builtWhileSending(),
                endToEnd.builtWhileSending());
    }

    private Run timed(WebhookLoad load, Duration duration, List<WebhookLoad.Prepared> prepared)
            throws InterruptedException {
        CpuMeter.Reading started = CpuMeter.read();
        WebhookLoad.Loop loop = load.closedLoop(duration, CONCURRENT_POSTS, prepared);
        return new Run(loop, duration, CpuMeter.read().minus(started));
    }

    /** How many POSTs of Meta's mix carry {@code eventsPerSecond} for {@code duration}. */
    private static int posts(double eventsPerSecond, Duration duration) {
        return (int) Math.max(0, eventsPerSecond * duration.toMillis() / 1000 / EVENTS_PER_POST);
    }

    /** Acknowledgement latencies at the offered rate, and the database's own commit latencies meanwhile. */
    record Offered(Histogram ack, Histogram commit) {}

    private Offered offered(WebhookLoad load) throws Exception {
        CommitProbe probe = CommitProbe.start(jdbc);
        Histogram ack;
        Histogram commits;
        try {
            ack = load.openLoop(OFFERED_RUN, OFFERED_EVENTS_PER_SECOND, EVENTS_PER_POST);
        } finally {
            commits = probe.stop();
        }
        return new Offered(ack, commits);
    }

    private static String latencies(Histogram micros) {
        return String.format(
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }

    /** Before a measured phase: see {@link BenchDatabase#settle}. */
    private void settle() {
        BenchDatabase.settle(jdbc);
    }

    /** Waits until no event waits in the inbox; answers how long that took. */
    private Duration awaitEmpty() {
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(50))
                // Not a count: counting a backlog of 300,000 rows every 50 ms cost the database more than the
                // workers it measures.
                .until(() -> !jdbc.queryForObject(
                        "select exists (select 1 from webhook_inbox where state = 'PENDING')"
                                + " or exists (select 1 from webhook_inbox where state = 'PARKED')",
                        Boolean.class));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Payloads as the product stored them during the warm-up: the rows the baseline writes. */
    private List<String> storedPayloads() {
        return jdbc.queryForList("select payload from webhook_inbox order by id limit 2000", String.class);
    }

    /** A store with a connected number and {@value #MESSAGES} messages Meta accepted, as the API sends them. */
    private Connected connect() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String waba = "bench-waba-" + run;
        String phone = "bench-phone-" + run;
        StoreId store = BenchStores.connect(stores, jdbc, run, waba, phone);
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update("""
                insert into messaging_messages (message_id, store_id, phone_number_id, waba_id, portfolio, customer,
                    recipient_input, recipient_to, kind, content, counts_against_limit, status, sending,
                    meta_message_id, attempts, created_at, updated_at)
                select gen_random_uuid(), ?, ?, ?, ?, '+55119' || lpad(n::text, 8, '0'), '+55119' || lpad(n::text, 8, '0'),
                    '+55119' || lpad(n::text, 8, '0'), 'text', '{"body":"Seu pedido saiu para entrega","previewUrl":false}', false,
                    'queued', 'ACCEPTED', 'wamid.bench-' || ? || '-' || n, 1, ?, ?
                from generate_series(0, ? - 1) as n""", store.value(), phone, waba, waba, run, now, now, MESSAGES);
        List<UUID> ids = jdbc.queryForList(
                "select message_id from messaging_messages where store_id = ? order by meta_message_id",
                UUID.class,
                store.value());
        List<String> metaIds = jdbc.queryForList(
                "select meta_message_id from messaging_messages where store_id = ? order by meta_message_id",
                String.class,
                store.value());
        return new Connected(store, waba, phone, ids, metaIds);
    }

    /** The connected number's traffic: message after message, its customer's text and its 3 statuses. */
    final class Connected {

        final StoreId store;
        final String waba;
        final String phone;
        final List<UUID> ids;
        final List<String> metaIds;
        final AtomicLong events = new AtomicLong();

        Connected(StoreId store, String waba, String phone, List<UUID> ids, List<String> metaIds) {
            this.store = store;
            this.waba = waba;
            this.phone = phone;
            this.ids = ids;
            this.metaIds = metaIds;
        }

        WebhookLoad.Delivery next() {
            int count = ThreadLocalRandom.current().nextInt(1, 11);
            long first = events.getAndAdd(count);
            if (first + count > 4L * ids.size()) {
                // Past it, events would repeat earlier ones: duplicates cost the product less than new events.
                throw new IllegalStateException("the bench ran out of messages: raise MESSAGES");
            }
            StringBuilder changes = new StringBuilder();
            for (int i = 0; i < count; i++) {
                long event = first + i;
                int message = (int) ((event / 4) % ids.size());
                changes.append(i == 0 ? "" : ",")
                        .append(WebhookBench.event(
                                phone, metaIds.get(message), ids.get(message), (int) (event % 4), message));
            }
            return delivery(waba, changes, count);
        }

        /** Events not sent yet: each message has 4. */
        long eventsLeft() {
            return 4L * ids.size() - events.get();
        }

        /** Messages whose every status was processed are read; any other was left behind. */
        long unmovedMessages() {
            long sent = Math.min(events.get() / 4, ids.size());
            return jdbc.queryForObject(
                    "select count(*) from messaging_messages where store_id = ? and status <> 'read'"
                            + " and meta_message_id in (select meta_message_id from messaging_messages"
                            + " where store_id = ? order by meta_message_id limit ?)",
                    Long.class,
                    store.value(),
                    store.value(),
                    sent);
        }
    }

    /** Meta's mix for a number of no store: random message ids. */
    private static WebhookLoad.Delivery mix(String waba, String phone, UUID ours) {
        int count = ThreadLocalRandom.current().nextInt(1, 11);
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long id = ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
            changes.append(i == 0 ? "" : ",").append(event(phone, "wamid.out" + id, ours, i % 4, id));
        }
        return delivery(waba, changes, count);
    }

    private static WebhookLoad.Delivery delivery(String waba, CharSequence changes, int events) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + waba + "\",\"time\":"
                + System.currentTimeMillis() / 1000 + ",\"changes\":[" + changes + "]}]}";
        return new WebhookLoad.Delivery(body.getBytes(StandardCharsets.UTF_8), events);
    }

    /** Kind 0: the customer's text; 1, 2, 3: sent, delivered, read of the message, with our id attached. */
    private static String event(String phone, String wamid, UUID ours, int kind, long customer) {
        String metadata = "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"5511987654321\","
                + "\"phone_number_id\":\"" + phone + "\"}";
        String digits = Long.toString(customer % 100_000_000);
        String waId = "55119" + "0".repeat(8 - digits.length()) + digits;
        if (kind == 0) {
            return "{\"field\":\"messages\",\"value\":{" + metadata + ",\"contacts\":[{\"profile\":{\"name\":\"Ana\"},"
                    + "\"wa_id\":\"" + waId + "\"}],\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid
                    + ".in\",\"timestamp\":\"" + System.currentTimeMillis() / 1000
                    + "\",\"type\":\"text\",\"text\":{\"body\":\"Oi, meu pedido chegou?\"}}]}}";
        }
        String status = kind == 1 ? "sent" : kind == 2 ? "delivered" : "read";
        return "{\"field\":\"messages\",\"value\":{" + metadata + ",\"statuses\":[{\"id\":\"" + wamid
                + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + System.currentTimeMillis() / 1000
                + "\",\"recipient_id\":\"" + waId + "\""
                + (ours == null ? "" : ",\"biz_opaque_callback_data\":\"" + ours + "\"") + "}]}}";
    }
}
