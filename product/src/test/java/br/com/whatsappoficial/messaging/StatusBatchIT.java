package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreId;
import br.com.whatsappoficial.webhook.MessageStatusReported;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch of Meta's statuses, as the inbox hands it over, leaves each message exactly as the same
 * statuses applied one at a time would: status, failure, pricing, timeline and the callbacks queued, in
 * their order. The sandbox sends no statuses of its own here: the test plays Meta.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@Import(SendingStores.class)
@TestPropertySource(
        properties = {
            "sandbox.webhooks.enabled=false",
            "messaging.callbacks.poll=1h",
            "account.reconciliation-poll=1h",
            "template.sync-poll=1h"
        })
class StatusBatchIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SendingStores stores;

    @Autowired
    StatusReports reports;

    @Autowired
    CallbackEndpoints endpoints;

    @Autowired
    CallbackUrls urls;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    Shop shop;

    @BeforeEach
    void aConnectedStoreThatListensToCallbacks() {
        shop = stores.connected("lotes");
        CurrentStore.runAs(shop.store(), () -> endpoints.saveUrl(urls.check("http://127.0.0.1:9/callbacks")));
    }

    @Test
    void aBatchLeavesEachMessageAsTheSameStatusesOneByOneWould() {
        Random random = new Random(20261205);
        for (int round = 0; round < 6; round++) {
            UUID batched = send();
            UUID alone = send();
            List<Report> sequence = new ArrayList<>(List.of(
                    Report.of("sent", null, "marketing"),
                    Report.of("delivered", null, null),
                    Report.of("read", null, null),
                    Report.of("read", null, null),
                    Report.of("played", null, null),
                    Report.of("failed", 131026, null),
                    Report.of("something_meta_adds", null, null)));
            Collections.shuffle(sequence, random);
            sequence = sequence.subList(0, 3 + random.nextInt(sequence.size() - 2));

            List<Report> applied = sequence;
            apply(applied.stream()
                    .map(report -> report.about(batched, shop.store()))
                    .toList());
            for (Report report : applied) {
                apply(List.of(report.about(alone, shop.store())));
            }

            assertThat(outcome(batched)).as("round %d: %s", round, applied).isEqualTo(outcome(alone));
        }
    }

    @Test
    void aReadBeforeItsDeliveredInOneBatchCallsBackSentDeliveredReadOnce() {
        UUID message = send();

        apply(List.of(
                Report.of("read", null, null).about(message, shop.store()),
                Report.of("delivered", null, null).about(message, shop.store()),
                Report.of("sent", null, "utility").about(message, shop.store()),
                Report.of("read", null, null).about(message, shop.store())));

        Outcome outcome = outcome(message);
        assertThat(outcome.status()).isEqualTo("read");
        assertThat(outcome.callbacks()).containsExactly("sent", "delivered", "read");
        assertThat(outcome.timeline()).containsExactlyInAnyOrder("sent", "delivered", "read");
        assertThat(outcome.pricing()).isEqualTo("utility");
    }

    /** What a message's rows say after its statuses. */
    record Outcome(
            String status,
            String sending,
            String pricing,
            Integer metaError,
            List<String> timeline,
            List<String> callbacks) {}

    private Outcome outcome(UUID message) {
        Map<String, Object> row = jdbc.sql("""
                        select status, sending, pricing_category, meta_error_code from messaging_messages
                        where message_id = :id""").param("id", message).query().singleRow();
        return new Outcome(
                (String) row.get("status"),
                (String) row.get("sending"),
                (String) row.get("pricing_category"),
                (Integer) row.get("meta_error_code"),
                jdbc.sql("select status from messaging_timeline where message_id = :id and status <> 'queued'"
                                + " order by status")
                        .param("id", message)
                        .query(String.class)
                        .list(),
                jdbc.sql("select status from messaging_callbacks where message_id = :id order by callback_id")
                        .param("id", message)
                        .query(String.class)
                        .list());
    }

    private void apply(List<MessageStatusReported> batch) {
        transaction.executeWithoutResult(status -> CurrentStore.runAs(shop.store(), () -> reports.apply(batch)));
    }

    /** One of Meta's statuses, for any message. */
    record Report(String status, Integer errorCode, String pricingCategory, Instant at) {

        static Report of(String status, Integer errorCode, String pricingCategory) {
            return new Report(status, errorCode, pricingCategory, Instant.parse("2026-12-05T12:00:00Z"));
        }

        MessageStatusReported about(UUID message, StoreId store) {
            return new MessageStatusReported(
                    store,
                    "phone",
                    "wamid.batch-" + message,
                    status,
                    "5511987654321",
                    null,
                    at,
                    message.toString(),
                    pricingCategory == null ? null : new MessageStatusReported.Pricing(pricingCategory, true, "PMP"),
                    errorCode == null
                            ? List.of()
                            : List.of(new MessageStatusReported.MessageError(errorCode, "Unsupported", null)));
        }
    }

    /**
     * A message Meta accepted, as the outbox leaves it, written directly: the test plays Meta, so nothing
     * may send it (no outbox row) or report on it but the test.
     */
    private UUID send() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into messaging_messages (message_id, store_id, phone_number_id, waba_id, portfolio,
                            customer, recipient_input, recipient_to, kind, content, counts_against_limit, status,
                            sending, meta_message_id, attempts, created_at, updated_at)
                        values (:id, :store, :phone, :waba, :waba, '+5511987654321', '+5511987654321',
                            '+5511987654321', 'text', '{"body":"Oi","previewUrl":false}', false, 'queued', 'QUEUED',
                            null, 0, :now, :now)""")
                .param("id", id)
                .param("store", shop.store().value())
                .param("phone", shop.phone().id())
                .param("waba", shop.waba().id())
                .param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .update();
        return id;
    }
}
