package br.com.whatsappoficial.bench;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.meta.WebhookSignature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Webhook ingest over HTTP on loopback against the running product on PostgreSQL, with Meta's mix
 * (3 status events per inbound message, 1 to 10 events per POST), next to the raw batched-INSERT rate
 * of the same database for the same row shape, measured in the same run. Run with {@code bench/run};
 * it prints figures and asserts nothing about time. Processing workers are off so that the figure is
 * the ingest path alone (the acknowledgement Meta waits for).
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"webhook.workers-enabled=false", "spring.datasource.hikari.maximum-pool-size=20"})
class WebhookIngestBench {

    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration MAX_RATE_RUN = Duration.ofSeconds(15);
    static final Duration OFFERED_RUN = Duration.ofSeconds(20);
    static final int OFFERED_EVENTS_PER_SECOND = 1_000;
    static final int RAW_BATCH = 100;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    MetaSettings meta;

    /** What a timed run did and the CPU it took. */
    record Run(long rows, CpuMeter.Reading cpu, long generatorNanos) {
        double perSecond() {
            return rows / (double) MAX_RATE_RUN.toSeconds();
        }

        double productMicrosPerRow() {
            return (cpu.jvmNanos() - generatorNanos) / 1e3 / rows;
        }

        double generatorMicrosPerRow() {
            return generatorNanos / 1e3 / rows;
        }

        double postgresMicrosPerRow() {
            return cpu.postgresNanos() < 0 ? Double.NaN : cpu.postgresNanos() / 1e3 / rows;
        }
    }

    @Test
    void ingestAgainstRawInserts() throws Exception {
        closedLoop(WARM_UP, 16);
        Run raw = rawInserts(storedPayloads());
        long before = storedEvents();
        CpuMeter.Reading started = CpuMeter.read();
        Loop loop = closedLoop(MAX_RATE_RUN, 32);
        CpuMeter.Reading cpu = CpuMeter.read().minus(started);
        Run ingest = new Run(storedEvents() - before, cpu, loop.generatorNanos());
        Histogram ack = openLoop();

        System.out.printf(
                """

                === webhook ingest benchmark (PostgreSQL, loopback HTTP, %d cores) ===
                raw batched INSERT, same rows (batches of %d)      : %,10.0f rows/s   (baseline)
                ingest, closed loop (32 concurrent POSTs)          : %,10.0f events/s stored (%,d acknowledged)
                ratio ingest / raw                                 : %10.2f   (target >= 0.60)
                ack latency at %,d events/s offered (%ds)         : p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d POSTs)   (target p99 <= 50 ms)
                CPU per row or event (µs)        product JVM   load generator   PostgreSQL
                  raw batched INSERT             %8.1f (JDBC)            -     %8.1f
                  ingest                         %8.1f          %8.1f     %8.1f
                (one machine's figures: compare ratios, not rates)
                %n""",
                Runtime.getRuntime().availableProcessors(),
                RAW_BATCH,
                raw.perSecond(),
                ingest.perSecond(),
                loop.acked(),
                ingest.perSecond() / raw.perSecond(),
                OFFERED_EVENTS_PER_SECOND,
                OFFERED_RUN.toSeconds(),
                ack.getValueAtPercentile(50) / 1000.0,
                ack.getValueAtPercentile(99) / 1000.0,
                ack.getMaxValue() / 1000.0,
                ack.getTotalCount(),
                raw.productMicrosPerRow(),
                raw.postgresMicrosPerRow(),
                ingest.productMicrosPerRow(),
                ingest.generatorMicrosPerRow(),
                ingest.postgresMicrosPerRow());
    }

    /** Payloads as the product stored them during the warm-up: the rows the baseline writes. */
    private List<String> storedPayloads() {
        return jdbc.sql("select payload from webhook_inbox order by id limit 2000")
                .query(String.class)
                .list();
    }

    /**
     * The same rows as the inbox's (the product's own payloads, Meta's random message ids), written as
     * fast as JDBC batches go, warmed up and timed like the ingest run so that both grow their table and
     * index alike.
     */
    private Run rawInserts(List<String> payloads) {
        template.execute("create table if not exists bench_raw_inbox (like webhook_inbox including all)");
        template.execute("truncate bench_raw_inbox");
        rawInserts(WARM_UP, payloads);
        CpuMeter.Reading started = CpuMeter.read();
        long rows = rawInserts(MAX_RATE_RUN, payloads);
        return new Run(rows, CpuMeter.read().minus(started), 0);
    }

    private long rawInserts(Duration duration, List<String> payloads) {
        long end = System.nanoTime() + duration.toNanos();
        long rows = 0;
        List<Object[]> batch = new ArrayList<>(RAW_BATCH);
        while (System.nanoTime() < end) {
            OffsetDateTime now = OffsetDateTime.now();
            for (int i = 0; i < RAW_BATCH; i++) {
                String key = "status:delivered:wamid.out"
                        + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
                String payload = payloads.get((int) (rows + i) % payloads.size());
                batch.add(new Object[] {
                    key, "messages", "524126980791429", "106540352242922", payload, "PENDING", now, now
                });
            }
            template.batchUpdate(
                    "insert into bench_raw_inbox (idempotency_key, field, waba_id, phone_number_id, payload, state,"
                            + " received_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    batch);
            rows += batch.size();
            batch.clear();
        }
        return rows;
    }

    /** Events acknowledged in a closed loop, and the CPU its senders took. */
    record Loop(long acked, long generatorNanos) {}

    /**
     * As many POSTs as the product takes, from {@code concurrency} senders on platform threads (whose
     * CPU time the JVM can tell apart from the product's).
     */
    private Loop closedLoop(Duration duration, int concurrency) throws InterruptedException {
        AtomicLong acked = new AtomicLong();
        AtomicLong generatorNanos = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService senders = Executors.newFixedThreadPool(concurrency)) {
            for (int s = 0; s < concurrency; s++) {
                senders.submit(() -> {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    try (KeepAliveClient client = client()) {
                        while (System.nanoTime() < end) {
                            Delivery delivery = delivery();
                            if (post(client, delivery.body()) == 200) {
                                acked.addAndGet(delivery.events());
                            }
                        }
                    }
                    generatorNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
                    return null;
                });
            }
        }
        return new Loop(acked.get(), generatorNanos.get());
    }

    /**
     * POSTs sent on a fixed schedule (never waiting for answers) at the offered event rate, each on an
     * idle keep-alive connection or a new one.
     */
    private Histogram openLoop() throws Exception {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<KeepAliveClient> idle = new ConcurrentLinkedQueue<>();
        double eventsPerPost = 5.5;
        long intervalNanos = (long) (1e9 * eventsPerPost / OFFERED_EVENTS_PER_SECOND);
        long start = System.nanoTime();
        long posts = OFFERED_RUN.toNanos() / intervalNanos;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < posts; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                senders.submit(() -> {
                    KeepAliveClient client = idle.poll();
                    if (client == null) {
                        client = client();
                    }
                    Delivery delivery = delivery();
                    long sent = System.nanoTime();
                    post(client, delivery.body());
                    micros.add((System.nanoTime() - sent) / 1_000);
                    idle.add(client);
                    return null;
                });
            }
        }
        for (KeepAliveClient client : idle) {
            client.close();
        }
        Histogram histogram = new Histogram(60_000_000L, 3);
        micros.forEach(histogram::recordValue);
        return histogram;
    }

    private KeepAliveClient client() throws IOException {
        return new KeepAliveClient(port, "/webhooks/meta");
    }

    private int post(KeepAliveClient client, byte[] body) {
        return client.post(body, WebhookSignature.sign(body, meta.appSecret()));
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from webhook_inbox").query(Long.class).single();
    }

    record Delivery(byte[] body, int events) {}

    /** Meta's mix: per message, the inbound text and 3 statuses; 1 to 10 events per POST. */
    private static Delivery delivery() {
        int events = ThreadLocalRandom.current().nextInt(1, 11);
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < events; i++) {
            if (i > 0) {
                changes.append(',');
            }
            changes.append(event(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), i % 4));
        }
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"524126980791429\",\"time\":"
                + System.currentTimeMillis() / 1000 + ",\"changes\":[" + changes + "]}]}";
        return new Delivery(body.getBytes(StandardCharsets.UTF_8), events);
    }

    private static String event(long id, int kind) {
        String metadata = "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"5511987654321\","
                + "\"phone_number_id\":\"106540352242922\"}";
        if (kind == 0) {
            return "{\"field\":\"messages\",\"value\":{" + metadata + ",\"contacts\":[{\"profile\":{\"name\":\"Ana\"},"
                    + "\"wa_id\":\"5511912345678\"}],\"messages\":[{\"from\":\"5511912345678\",\"id\":\"wamid.in" + id
                    + "\",\"timestamp\":\"1749416383\",\"type\":\"text\",\"text\":{\"body\":\"Oi, meu pedido chegou?\"}}]}}";
        }
        String status = kind == 1 ? "sent" : kind == 2 ? "delivered" : "read";
        return "{\"field\":\"messages\",\"value\":{" + metadata + ",\"statuses\":[{\"id\":\"wamid.out" + id
                + "\",\"status\":\"" + status
                + "\",\"timestamp\":\"1750030073\",\"recipient_id\":\"5511912345678\"}]}}";
    }
}
