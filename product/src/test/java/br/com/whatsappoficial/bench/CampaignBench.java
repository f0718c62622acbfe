package br.com.whatsappoficial.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import com.jayway.jsonpath.JsonPath;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A campaign end to end: 10,000 template messages to distinct customers POSTed over loopback HTTP to the
 * running product, whose outbox workers send them to the embedded sandbox, which answers with sent,
 * delivered and read webhooks (read 5 s after sent) that the product ingests and applies. The number is
 * Ativa with Meta's 10K limit, so every message takes one of its slots. The sandbox refuses what goes past
 * Meta's 80 messages/s per number, so the product paces the campaign at that rate. {@code -Dbench.campaign.messages=N} runs
 * another size. Run with {@code bench/run}; asserts no time.
 */
@PostgresIntegrationTest
@ExtendWith(BenchDatabase.class)
// Closed afterwards: its pool and workers would otherwise hold connections and CPU while the next benches
// measure, and bench/run once ran PostgreSQL out of connections with every bench's context open.
@DirtiesContext
@Import(SendingStores.class)
@TestPropertySource(
        properties = {
            // The product's own defaults (application.yml), not the test run's smaller pool.
            "spring.datasource.hikari.maximum-pool-size=16",
            "webhook.workers=4",
            "account.reconciliation-poll=1h",
            "template.sync-poll=1h"
        })
class CampaignBench {

    static final int MESSAGES = Integer.getInteger("bench.campaign.messages", 10_000);
    static final int SENDERS = 8;
    /** Meta's default throughput per number, which the sandbox does not impose. */
    static final int META_MESSAGES_PER_SECOND = 80;

    @LocalServerPort
    int port;

    @Autowired
    SendingStores stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tenThousandCustomersThroughTheSandbox() throws Exception {
        Shop shop = ativaWithMetasLimit(MESSAGES <= 10_000 ? "TIER_10K" : "TIER_100K");
        stores.approvedTemplate(
                shop, "oferta_da_semana", "Olá {{1}}, sua oferta da semana chegou.", Map.of("1", "Ana"));

        String loadBefore = Load.now();
        CpuMeter.Reading cpuStart = CpuMeter.read();
        long started = System.nanoTime();
        Posted posted = postCampaign(shop);
        double acceptedSeconds = seconds(started);
        CpuMeter.Reading cpuAccepted = CpuMeter.read().minus(cpuStart);
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count(shop, "sending = 'QUEUED'") == 0);
        double metaSeconds = seconds(started);
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count(shop, "status not in ('read', 'failed')") == 0);
        double lastStatusSeconds = seconds(started);
        CpuMeter.Reading cpu = CpuMeter.read().minus(cpuStart);
        String loadAfter = Load.now();

        Map<String, Integer> byStatus = new TreeMap<>();
        jdbc.query(
                "select status, count(*) from messaging_messages where store_id = ? group by status",
                row -> {
                    byStatus.put(row.getString(1), row.getInt(2));
                },
                shop.store().value());
        int statuses = jdbc.queryForObject(
                "select count(*) from messaging_timeline where store_id = ? and status <> 'queued'",
                Integer.class,
                shop.store().value());
        int used = jdbc.queryForObject(
                "select used from messaging_budgets where portfolio = ?",
                Integer.class,
                shop.business().id());
        assertThat(posted.answers()).containsOnlyKeys(202);
        assertThat(used).isEqualTo(MESSAGES);

        double productCpu = (cpu.jvmNanos() - posted.generatorNanos()) / 1e9;
        System.out.printf(
                """

                === campaign benchmark (PostgreSQL, product + embedded sandbox, loopback HTTP, %d cores, load %s -> %s) ===
                %,d template messages to distinct customers, %d senders on keep-alive connections, number Ativa (%s)
                all accepted by the API (202)                      : %6.1f s   %,8.0f requests/s   (answers %s)
                all accepted by Meta (the sandbox)                 : %6.1f s   %,8.0f messages/s
                Meta's own pace (%d messages/s per number)         : %6.1f s   (baseline: the least time Meta allows)
                ratio accepted by the sandbox / Meta's pace        : %6.1f
                last status (read comes 5 s after sent)            : %6.1f s   %,8.0f statuses/s (%,d webhooks; the sandbox posts those due together in one POST)
                statuses                                           : %s
                budget used at the end                             : %,d
                CPU (s)   product + sandbox JVM %.1f, load generator %.1f, PostgreSQL %.1f   (%.0f%% of %d cores for %.0f s)
                CPU per message until all were accepted (ms)       : JVM %.1f, PostgreSQL %.1f   (intake, and sending to the sandbox meanwhile)
                (one machine's figures: compare ratios, not rates)
                %n""",
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAfter,
                MESSAGES,
                SENDERS,
                MESSAGES <= 10_000 ? "TIER_10K" : "TIER_100K",
                acceptedSeconds,
                MESSAGES / acceptedSeconds,
                posted.answers(),
                metaSeconds,
                MESSAGES / metaSeconds,
                META_MESSAGES_PER_SECOND,
                MESSAGES / (double) META_MESSAGES_PER_SECOND,
                (MESSAGES / metaSeconds) / META_MESSAGES_PER_SECOND,
                lastStatusSeconds,
                statuses / lastStatusSeconds,
                statuses,
                byStatus,
                used,
                productCpu,
                posted.generatorNanos() / 1e9,
                cpu.postgresNanos() / 1e9,
                100
                        * (cpu.jvmNanos() + Math.max(0, cpu.postgresNanos()))
                        / 1e9
                        / lastStatusSeconds
                        / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(),
                lastStatusSeconds,
                (cpuAccepted.jvmNanos() - posted.generatorNanos()) / 1e6 / MESSAGES,
                cpuAccepted.postgresNanos() / 1e6 / MESSAGES);
    }

    /**
     * A store connected in the sandbox whose portfolio has Meta's {@code tier} from the start and whose
     * number Meta approved (Ativa), once the product's limits resource says so. The tier is set before the
     * WABA exists: raised afterwards, the webhook of the first tier may be applied after the raise's
     * (the product's inbox workers run in parallel), and the campaign would meet 250 slots.
     */
    private Shop ativaWithMetasLimit(String tier) {
        Shop shop = stores.connected("campanha", tier);
        sandbox.setReview(shop.waba().id(), "APPROVED");
        sandbox.approveDisplayName(shop.phone().id());
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest limits = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/limits"))
                .header("Authorization", "Bearer " + shop.key())
                .build();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String body =
                    client.send(limits, HttpResponse.BodyHandlers.ofString()).body();
            return "ativa".equals(JsonPath.read(body, "$.number.status"))
                    && Integer.valueOf(MESSAGES <= 10_000 ? 10_000 : 100_000)
                            .equals(JsonPath.read(body, "$.proactive.limit"));
        });
        return shop;
    }

    /** The answers' status codes, counted, and the CPU the senders took. */
    record Posted(Map<Integer, AtomicInteger> answers, long generatorNanos) {}

    /** Every message POSTed by {@code SENDERS} platform threads (whose CPU the JVM tells apart from the product's). */
    private Posted postCampaign(Shop shop) throws InterruptedException {
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong generatorNanos = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            for (int s = 0; s < SENDERS; s++) {
                senders.submit(() -> {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    try (KeepAliveClient client = new KeepAliveClient(port, "/api/v1/messages")) {
                        for (int i = next.getAndIncrement(); i < MESSAGES; i = next.getAndIncrement()) {
                            int status = client.postWithHeaders(
                                    message(i),
                                    "Authorization: Bearer " + shop.key(),
                                    "Idempotency-Key: " + UUID.randomUUID());
                            answers.computeIfAbsent(status, code -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                    generatorNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
                    return null;
                });
            }
        }
        return new Posted(answers, generatorNanos.get());
    }

    /** The i-th customer's message: distinct Brazilian mobiles, none ending in 9999 (the sandbox's "not on WhatsApp"). */
    private static byte[] message(int i) {
        String to = String.format("+55119%04d%04d", 8000 + i / 5_000, i % 5_000);
        return """
                {"to": "%s", "template": {"name": "oferta_da_semana", "parameters": ["Cliente %d"]}}""".formatted(to, i).getBytes(StandardCharsets.UTF_8);
    }

    private long count(Shop shop, String condition) {
        return jdbc.queryForObject(
                "select count(*) from messaging_messages where store_id = ? and " + condition,
                Long.class,
                shop.store().value());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
