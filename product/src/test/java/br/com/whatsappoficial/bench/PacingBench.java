package br.com.whatsappoficial.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxSentMessage;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphMessages;
import br.com.whatsappoficial.meta.GraphTokens;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Pacing against the sandbox, which refuses what Meta refuses (130429 above a number's 80 messages/s):
 * <ol>
 *   <li>one number's campaign, queued through the API as fast as the engine can, must leave at the
 *       number's throughput: the rate the sandbox accepted over {@code bench.pacing.seconds} (60) in the
 *       middle of the run, next to the 80 messages/s Meta allows (the baseline);
 *   <li>{@code bench.pacing.numbers} (50) numbers' campaigns at once: the rate the sandbox accepted them,
 *       next to the sandbox's own raw accept rate measured in the same run by posting template sends
 *       straight to its Graph API from 16 threads, bypassing the product.
 * </ol>
 * Run with {@code bench/run -Dit.test=PacingBench}; asserts no time.
 */
@PostgresIntegrationTest
@ExtendWith(BenchDatabase.class)
@DirtiesContext
@Import(SendingStores.class)
@TestPropertySource(
        properties = {
            "spring.datasource.hikari.maximum-pool-size=16",
            "webhook.workers=4",
            "account.reconciliation-poll=1h",
            "template.sync-poll=1h"
        })
class PacingBench {

    static final int SECONDS = Integer.getInteger("bench.pacing.seconds", 60);
    static final int NUMBERS = Integer.getInteger("bench.pacing.numbers", 50);
    static final int PER_NUMBER = Integer.getInteger("bench.pacing.per-number", 120);
    static final int WARM_UP_PER_NUMBER = PER_NUMBER;
    static final int META_MESSAGES_PER_SECOND = 80;
    static final int POSTERS = 16;
    static final String TEMPLATE = "aviso_de_envio";
    static final Duration RAW_RUN = Duration.ofSeconds(10);
    static final Duration RAW_WARM_UP = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    SendingStores stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    GraphTokens tokens;

    @Autowired
    GraphMessages messages;

    @Autowired
    JdbcTemplate jdbc;

    private final AtomicInteger customers = new AtomicInteger();

    @Test
    void oneNumberAtItsThroughputAndManyNumbersAtOnce() throws Exception {
        String load = Load.now();
        OneNumber one = oneNumber();
        statusesOfThePreviousCampaignDelivered();
        Many many = manyNumbers();

        System.out.printf(
                """

                === pacing benchmark (PostgreSQL, product + embedded sandbox enforcing Meta's rates, %d cores, load %s -> %s) ===
                one number, %,d messages queued through the API by %d senders in %.1f s (%,.0f requests/s)
                  sandbox's raw accept rate for one number, no product: %6.1f messages/s (16 threads, Meta allows %d)
                  accepted by the sandbox over %d s mid-run          : %6.1f messages/s   (Meta allows %d: ratio %.3f; of the raw rate: %.2f)
                  slowest and fastest second of those %d            : %d and %d messages
                  each second                                        : %s
                  messages Meta refused once and the product retried : %d
                %d numbers at once, %d messages each (%,d in all), queued through the API in %.1f s
                  sandbox's raw accept rate, 16 threads, no product : %6.0f messages/s   (baseline: mean of %.0f before and %.0f after)
                  accepted through the product                       : %6.0f messages/s   ratio %.2f
                  each second                                        : %s
                  messages Meta refused once and the product retried : %d
                  CPU per message, raw (after)       JVM %5.0f µs, PostgreSQL %5.0f µs   JVM: %s
                  CPU per message, through product   JVM %5.0f µs, PostgreSQL %5.0f µs   JVM: %s
                (one machine's figures: compare ratios, not rates)
                %n""",
                Runtime.getRuntime().availableProcessors(),
                load,
                Load.now(),
                one.queued(),
                POSTERS,
                one.queuedSeconds(),
                one.queued() / one.queuedSeconds(),
                one.raw(),
                META_MESSAGES_PER_SECOND,
                SECONDS,
                one.rate(),
                META_MESSAGES_PER_SECOND,
                one.rate() / META_MESSAGES_PER_SECOND,
                one.rate() / Math.min(one.raw(), META_MESSAGES_PER_SECOND),
                SECONDS,
                one.slowestSecond(),
                one.fastestSecond(),
                one.eachSecond(),
                one.tooFast(),
                NUMBERS,
                PER_NUMBER,
                NUMBERS * PER_NUMBER,
                many.queuedSeconds(),
                many.raw(),
                many.rawBefore(),
                many.rawAfter(),
                many.throughProduct(),
                many.throughProduct() / many.raw(),
                many.eachSecond(),
                many.tooFast(),
                many.rawCpu().jvmNanos() / 1e3 / many.rawMessages(),
                many.rawCpu().postgresNanos() / 1e3 / many.rawMessages(),
                many.rawCpu().byThreadGroup(5),
                many.productCpu().jvmNanos() / 1e3 / (NUMBERS * PER_NUMBER),
                many.productCpu().postgresNanos() / 1e3 / (NUMBERS * PER_NUMBER),
                many.productCpu().byThreadGroup(5));
    }

    record OneNumber(
            double raw,
            int queued,
            double queuedSeconds,
            double rate,
            int slowestSecond,
            int fastestSecond,
            String eachSecond,
            long tooFast) {}

    private OneNumber oneNumber() throws Exception {
        // What the sandbox itself accepts for one number, whose portfolio's unique customers it counts one
        // send at a time: the most any sender could get through it on this machine.
        Shop solo = shop("solo");
        BenchDatabase.settle(jdbc);
        double raw = rawAcceptRate(List.of(solo));
        statusesOfTheRawSendsDelivered();
        Shop shop = shop("ritmo");
        BenchDatabase.settle(jdbc);
        // Two seconds on each side of the measured window: the start and the end of a campaign are not its pace.
        int total = (SECONDS + 4) * META_MESSAGES_PER_SECOND;
        long started = System.nanoTime();
        post(List.of(shop), total);
        double queuedSeconds = (System.nanoTime() - started) / 1e9;
        List<Instant> accepted = acceptedTimes(List.of(shop), total, Instant.EPOCH);

        Instant from = accepted.getFirst().plusSeconds(2);
        int[] perSecond = new int[SECONDS];
        for (Instant at : accepted) {
            long second = Duration.between(from, at).toMillis() / 1000;
            if (!at.isBefore(from) && second < SECONDS) {
                perSecond[(int) second]++;
            }
        }
        int inWindow = java.util.Arrays.stream(perSecond).sum();
        return new OneNumber(
                raw,
                total,
                queuedSeconds,
                inWindow / (double) SECONDS,
                java.util.Arrays.stream(perSecond).min().orElse(0),
                java.util.Arrays.stream(perSecond).max().orElse(0),
                java.util.Arrays.stream(perSecond)
                        .mapToObj(Integer::toString)
                        .collect(java.util.stream.Collectors.joining(" ")),
                tooFast(List.of(shop)));
    }

    /**
     * The sandbox sends its webhooks one POST at a time, and the one-number campaign leaves thousands of
     * statuses to send: the next part starts once they are sent, so that its stores' template approvals are
     * not queued behind them and its figures are its own.
     */
    private void statusesOfThePreviousCampaignDelivered() {
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from sandbox_webhook_deliveries where status = 'PENDING'"
                                        + " and next_attempt_at <= current_timestamp",
                                Long.class)
                        == 0);
    }

    /**
     * The raw measurement's sends leave their statuses to the sandbox, queued at once, due up to 5 s later
     * and sent one POST at a time: without this they reached the product while it was being measured,
     * which then paid for sends that were not its own. Waits until every one due by then was sent.
     */
    private void statusesOfTheRawSendsDelivered() {
        OffsetDateTime dueBy = OffsetDateTime.now().plusSeconds(6);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from sandbox_webhook_deliveries where status = 'PENDING'"
                                        + " and next_attempt_at <= ?",
                                Long.class,
                                dueBy)
                        == 0);
    }

    /** The baseline is the mean of the raw rate measured before and after the product's part. */
    record Many(
            double rawBefore,
            double rawAfter,
            double throughProduct,
            long tooFast,
            CpuMeter.Reading rawCpu,
            long rawMessages,
            CpuMeter.Reading productCpu,
            String eachSecond,
            double queuedSeconds) {
        double raw() {
            return (rawBefore + rawAfter) / 2;
        }
    }

    private Many manyNumbers() throws Exception {
        List<Shop> shops = new ArrayList<>();
        for (int i = 0; i < NUMBERS; i++) {
            shops.add(shop("loja" + i));
        }
        // The raw rate moved by a quarter between runs of one build: measured on both sides of the product's
        // part, the baseline is what the machine gave around it, not at one moment. The first pass over 50
        // numbers still compiled the sandbox's paths (after was 7-25 % above before in every run): a warm-up
        // pass, not counted, comes first.
        rawAcceptRate(shops, RAW_WARM_UP);
        statusesOfTheRawSendsDelivered();
        // The product gets the same: a campaign over the same numbers first, not counted. Without it the JIT
        // compiled its many-number paths in the measured window (a seventh of the JVM's time there; still a
        // ninth after a warm-up half the measured campaign's size), which a node that has been running pays
        // once, not per campaign.
        Instant warmUp = Instant.now();
        post(shops, NUMBERS * WARM_UP_PER_NUMBER);
        acceptedTimes(shops, NUMBERS * WARM_UP_PER_NUMBER, warmUp);
        statusesOfTheRawSendsDelivered();
        BenchDatabase.settle(jdbc);
        double before = rawAcceptRate(shops);
        statusesOfTheRawSendsDelivered();
        BenchDatabase.settle(jdbc);
        CpuMeter.Reading productStart = CpuMeter.read();
        Instant measured = Instant.now();
        long posting = System.nanoTime();
        post(shops, NUMBERS * PER_NUMBER);
        double queuedSeconds = (System.nanoTime() - posting) / 1e9;
        List<Instant> accepted = acceptedTimes(shops, NUMBERS * PER_NUMBER, measured);
        CpuMeter.Reading productCpu = CpuMeter.read().minus(productStart);
        double seconds =
                Duration.between(accepted.getFirst(), accepted.getLast()).toMillis() / 1000.0;
        statusesOfTheRawSendsDelivered();
        BenchDatabase.settle(jdbc);
        CpuMeter.Reading rawStart = CpuMeter.read();
        long sentBefore = sandboxSends();
        double after = rawAcceptRate(shops);
        CpuMeter.Reading rawCpu = CpuMeter.read().minus(rawStart);
        long rawMessages = sandboxSends() - sentBefore;
        return new Many(
                before,
                after,
                accepted.size() / seconds,
                tooFast(shops),
                rawCpu,
                rawMessages,
                productCpu,
                eachSecond(accepted),
                queuedSeconds);
    }

    /**
     * What the sandbox accepts with nothing in front: template sends posted straight to its Graph API, 16 at
     * a time for {@link #RAW_RUN}, spread over every number so that no number goes past Meta's rate.
     */
    private double rawAcceptRate(List<Shop> shops) throws Exception {
        return rawAcceptRate(shops, RAW_RUN);
    }

    private double rawAcceptRate(List<Shop> shops, Duration duration) throws Exception {
        List<BusinessToken> shopTokens = new ArrayList<>();
        for (Shop shop : shops) {
            shopTokens.add(tokens.exchangeCode(sandbox.issueCode(shop.business().id())));
        }
        AtomicInteger acceptedCount = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long until = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int t = 0; t < 16; t++) {
                threads.submit(() -> {
                    while (System.nanoTime() < until) {
                        int i = next.getAndIncrement();
                        Shop shop = shops.get(i % shops.size());
                        try {
                            messages.send(
                                    shopTokens.get(i % shops.size()),
                                    shop.phone().id(),
                                    new OutboundMessage.Template(customer(), TEMPLATE, "pt_BR", List.of(), null));
                            acceptedCount.incrementAndGet();
                        } catch (MetaCallFailed refused) {
                            // counted out: a refusal is not an accepted message
                        }
                    }
                    return null;
                });
            }
        }
        return acceptedCount.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** A connected store whose number is Ativa with Meta's 100K limit and an approved template without variables. */
    private Shop shop(String label) {
        Shop shop = stores.connected(label, "TIER_100K");
        sandbox.setReview(shop.waba().id(), "APPROVED");
        sandbox.approveDisplayName(shop.phone().id());
        stores.approvedTemplate(shop, TEMPLATE, "Seu pedido saiu para entrega.", Map.of());
        return shop;
    }

    /** {@code total} messages POSTed round-robin over the shops' keys by {@link #POSTERS} keep-alive senders. */
    private void post(List<Shop> shops, int total) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (ExecutorService senders = Executors.newFixedThreadPool(POSTERS)) {
            for (int s = 0; s < POSTERS; s++) {
                senders.submit(() -> {
                    try (KeepAliveClient client = new KeepAliveClient(port, "/api/v1/messages")) {
                        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                            Shop shop = shops.get(i % shops.size());
                            byte[] body = """
                                    {"to": "%s", "template": {"name": "%s"}}""".formatted(customer(), TEMPLATE).getBytes(StandardCharsets.UTF_8);
                            int status = client.postWithHeaders(
                                    body,
                                    "Authorization: Bearer " + shop.key(),
                                    "Idempotency-Key: " + UUID.randomUUID());
                            if (status != 202) {
                                refused.incrementAndGet();
                            }
                        }
                    }
                    return null;
                });
            }
        }
        assertThat(refused).hasValue(0);
    }

    /**
     * When the sandbox accepted each message the product sent for the shops from {@code since} on, once all
     * {@code total} were. Waits on a count of them and reads their times once: reading every row twice a
     * second cost the database a twentieth of the time it gave the product's part.
     */
    private List<Instant> acceptedTimes(List<Shop> shops, int total, Instant since) {
        String[] phones = shops.stream().map(shop -> shop.phone().id()).toArray(String[]::new);
        // The times come from the sandbox's rows, not from when this notices: a second between looks costs
        // the figures nothing.
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from sandbox_messages where phone_id = any(?)"
                                        + " and biz_opaque_callback_data is not null and created_at >= ?",
                                Long.class,
                                phones,
                                OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                        >= total);
        List<Instant> accepted = new ArrayList<>();
        for (Shop shop : shops) {
            sandbox.sentMessages(shop.phone().id()).stream()
                    .filter(sent -> sent.bizOpaqueCallbackData() != null
                            && !sent.sentAt().isBefore(since))
                    .map(SandboxSentMessage::sentAt)
                    .forEach(accepted::add);
        }
        accepted.sort(null);
        return accepted;
    }

    /** How many of {@code accepted} fell in each second from the first one on. */
    private static String eachSecond(List<Instant> accepted) {
        Instant from = accepted.getFirst();
        int[] perSecond =
                new int[(int) (Duration.between(from, accepted.getLast()).toMillis() / 1000) + 1];
        for (Instant at : accepted) {
            perSecond[(int) (Duration.between(from, at).toMillis() / 1000)]++;
        }
        return java.util.Arrays.stream(perSecond)
                .mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** The shops' messages Meta refused a try of (going too fast is what pacing risks) and that were tried again. */
    private long tooFast(List<Shop> shops) {
        long count = 0;
        for (Shop shop : shops) {
            count += jdbc.queryForObject(
                    "select count(*) from messaging_messages where store_id = ? and attempts > 0",
                    Long.class,
                    shop.store().value());
        }
        return count;
    }

    /** Every message the sandbox took, of every number: what a raw pass adds is what it sent. */
    private long sandboxSends() {
        return jdbc.queryForObject("select count(*) from sandbox_messages", Long.class);
    }

    /** A distinct Brazilian mobile that no delivery rule of the sandbox matches. */
    private String customer() {
        int i = customers.getAndIncrement();
        return String.format("+55119%04d%04d", 8100 + i / 6_000, 2_000 + i % 6_000);
    }
}
