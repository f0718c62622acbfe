package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A number's send slots taken by many workers at once on PostgreSQL: none shared, none closer than its
 * throughput allows, none wasted; and {@link NumberPace#PAUSE} later, at the same pace, after Meta said the
 * number went too fast.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class NumberPaceIT {

    @Autowired
    NumberPace pace;

    @Autowired
    StoreDirectory stores;

    @Autowired
    MessageRows rows;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    StoreId store;
    String phone;
    final Instant now = Instant.parse("2026-12-04T12:00:00Z");

    @BeforeEach
    void aStore() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        store = stores.create("Loja P " + run, "Paula", "p-" + run + "@p.example", "senha-p-123");
        phone = "pace-" + run;
    }

    @Test
    void workersTakingSlotsTogetherGetEachOnceAtJustUnderEightyASecond() throws Exception {
        List<Callable<List<Instant>>> workers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int count = 1 + i % 3;
            workers.add(() -> CurrentStore.callAs(store, () -> pace.take(phone, 80, count, now)));
        }
        List<Instant> slots = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(12)) {
            for (Future<List<Instant>> taken : threads.invokeAll(workers)) {
                slots.addAll(taken.get());
            }
        }

        List<Instant> sorted = slots.stream().sorted().toList();
        assertThat(sorted).doesNotHaveDuplicates().hasSize(240).first().isEqualTo(now);
        for (int i = 1; i < sorted.size(); i++) {
            // 97 % of Meta's 80 messages/s, so that bunched sends stay under it (to the database's microsecond)
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)).toNanos())
                    .isBetween(12_886_000L, 12_887_000L);
        }
    }

    @Test
    void afterMetaSaysTheNumberWentTooFastItPausesASecondAndKeepsItsPace() throws Exception {
        CurrentStore.callAs(store, () -> pace.take(phone, 80, 1, now));
        CurrentStore.runAs(store, () -> pace.slowDown(phone, now));

        List<Instant> slots = CurrentStore.callAs(store, () -> pace.take(phone, 80, 2, now));

        assertThat(Duration.between(now.plus(NumberPace.PAUSE), slots.getFirst())
                        .toNanos())
                .isBetween(12_886_000L, 12_887_000L);
        assertThat(Duration.between(slots.get(0), slots.get(1)).toNanos()).isBetween(12_886_000L, 12_887_000L);
    }

    @Test
    void theQueuedMessagesOfANumberMetaFoundTooFastMoveASecondLater() throws Exception {
        Instant soon =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusSeconds(30);
        MessageId queued = MessageId.random();
        CurrentStore.runAs(
                store,
                () -> rows.insert(
                        TestMessages.text(queued, soon.minusSeconds(1), DeliveryStatus.QUEUED, Sending.QUEUED, phone),
                        soon));

        CurrentStore.runAs(store, () -> pace.slowDown(phone, Instant.now()));

        assertThat(jdbc.sql("select slot_at from messaging_outbox where message_id = :id")
                        .param("id", queued.value())
                        .query(java.time.OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(soon.plus(NumberPace.PAUSE));
    }

    @Test
    void aNumberThatSentNothingForAWhileStartsNowNotWhereItStopped() throws Exception {
        CurrentStore.callAs(store, () -> pace.take(phone, 20, 3, now));

        assertThat(CurrentStore.callAs(store, () -> pace.take(phone, 20, 1, now.plusSeconds(60))))
                .containsExactly(now.plusSeconds(60));
    }
}
