package br.com.whatsappoficial.bench;

import static org.awaitility.Awaitility.await;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.StoreDirectory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the inbox workers drain what the ingest stored, with the product's default workers and
 * pool: Meta's mix for a connected number (an inbound message and 3 statuses, decoded into typed
 * events and published) next to, as the baseline in the same run, events of a field nobody uses (the
 * queue alone: claim, resolve the store, mark done). Run with {@code bench/run}; asserts no time.
 */
@PostgresIntegrationTest
@ExtendWith(BenchDatabase.class)
// Its workers must not go on claiming the ingest bench's events (same database) while that one measures.
@DirtiesContext
@TestPropertySource(
        properties = {
            "webhook.workers=4",
            "spring.datasource.hikari.maximum-pool-size=16",
            "webhook.poll-interval=50ms",
            "sandbox.webhooks.enabled=false"
        })
class WebhookProcessingBench {

    static final int EVENTS = 20_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    StoreDirectory stores;

    @Test
    void drainMetasMixAgainstTheQueueAlone() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String waba = "bench-waba-" + run;
        String phone = "bench-phone-" + run;
        BenchStores.connect(stores, jdbc, run, waba, phone);

        drain(EVENTS / 4, i -> unusedField(waba, phone, run, i)); // warm-up
        double queue = drain(EVENTS, i -> unusedField(waba, phone, run, EVENTS + i));
        double mix = drain(EVENTS, i -> metasMix(waba, phone, run, i));

        System.out.printf("""

                === webhook processing benchmark (PostgreSQL, %d workers, %d cores) ===
                queue alone (claim, resolve the store, mark done)   : %,10.0f events/s   (baseline)
                Meta's mix (decode, publish typed events, done)     : %,10.0f events/s
                ratio mix / queue                                   : %10.2f
                (one machine's figures: compare ratios, not rates)
                %n""", 4, Runtime.getRuntime().availableProcessors(), queue, mix, mix / queue);
    }

    /** Stores {@code count} events in one commit, then answers events processed per second. */
    private double drain(int count, IntFunction<Object[]> row) {
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(row.apply(i));
        }
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(
                "insert into webhook_inbox (idempotency_key, field, waba_id, phone_number_id, payload, state,"
                        + " attempts, received_at, next_attempt_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                rows));
        long started = System.nanoTime();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from webhook_inbox where state in ('PENDING', 'PARKED')", Long.class)
                        == 0);
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static Object[] unusedField(String waba, String phone, String run, int i) {
        String payload = "{\"entry_id\":\"" + waba + "\",\"entry_time\":1750030073,\"field\":\"message_echoes\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"" + phone
                + "\"},\"note\":\"" + i + "\"}}";
        return row("message_echoes:" + run + ":" + i, "message_echoes", waba, phone, payload);
    }

    /** Per message, the inbound text and 3 statuses of an outbound one, as the envelope stores them. */
    private static Object[] metasMix(String waba, String phone, String run, int i) {
        String metadata = "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"5511987654321\","
                + "\"phone_number_id\":\"" + phone + "\"}";
        String head = "{\"entry_id\":\"" + waba + "\",\"entry_time\":1750030073,\"field\":\"messages\",\"value\":{";
        if (i % 4 == 0) {
            String id = "wamid.in-" + run + "-" + i;
            return row(
                    "message:" + id,
                    "messages",
                    waba,
                    phone,
                    head + metadata + ",\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"5511912345678\"}],"
                            + "\"messages\":[{\"from\":\"5511912345678\",\"id\":\"" + id + "\",\"timestamp\":"
                            + "\"1749416383\",\"type\":\"text\",\"text\":{\"body\":\"Oi, meu pedido chegou?\"}}]}}");
        }
        String status = i % 4 == 1 ? "sent" : i % 4 == 2 ? "delivered" : "read";
        String id = "wamid.out-" + run + "-" + (i / 4);
        return row(
                "status:" + status + ":" + id,
                "messages",
                waba,
                phone,
                head + metadata + ",\"statuses\":[{\"id\":\"" + id + "\",\"status\":\"" + status
                        + "\",\"timestamp\":\"1750030073\",\"recipient_id\":\"5511912345678\"}]}}");
    }

    private static Object[] row(String key, String field, String waba, String phone, String payload) {
        OffsetDateTime now = OffsetDateTime.now();
        return new Object[] {key, field, waba, phone, payload, now, now};
    }
}
