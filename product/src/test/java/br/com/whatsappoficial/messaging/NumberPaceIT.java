package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.StoreNumber;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    ClaimedNumbers claimed;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

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
        List<Callable<List<Slot>>> workers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int count = 1 + i % 3;
            workers.add(() -> CurrentStore.callAs(store, () -> pace.take(phone, 80, count, now)));
        }
        List<Instant> slots = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(12)) {
            for (Future<List<Slot>> taken : threads.invokeAll(workers)) {
                taken.get().forEach(slot -> slots.add(slot.at()));
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
        CurrentStore.callAs(store, () -> pace.slowDown(phone, now, now));

        List<Instant> slots = CurrentStore.callAs(store, () -> pace.take(phone, 80, 2, now)).stream()
                .map(Slot::at)
                .toList();

        assertThat(Duration.between(now.plus(NumberPace.PAUSE), slots.getFirst())
                        .toNanos())
                .isBetween(12_886_000L, 12_887_000L);
        assertThat(Duration.between(slots.get(0), slots.get(1)).toNanos()).isBetween(12_886_000L, 12_887_000L);
    }

    @Test
    void refusalsOfSendsThatLeftBeforeThePauseWasOverDoNotPauseTheNumberAgain() throws Exception {
        CurrentStore.callAs(store, () -> pace.take(phone, 80, 1, now));
        Instant refused = now.plusMillis(10);

        boolean first = CurrentStore.callAs(store, () -> pace.slowDown(phone, now, refused));
        // the rest of the bunch: sent before the pause or during it, refused while it lasts or just after
        boolean sentBefore =
                CurrentStore.callAs(store, () -> pace.slowDown(phone, now.plusMillis(5), refused.plusMillis(3)));
        boolean sentDuring = CurrentStore.callAs(
                store,
                () -> pace.slowDown(
                        phone, refused.plus(NumberPace.PAUSE.dividedBy(2)), refused.plus(NumberPace.PAUSE)));
        Duration pausedHere = pace.pausesHere(phone);
        boolean sentAfter = CurrentStore.callAs(
                store,
                () -> pace.slowDown(
                        phone,
                        refused.plus(NumberPace.PAUSE),
                        refused.plus(NumberPace.PAUSE).plusMillis(2)));

        assertThat(List.of(first, sentBefore, sentDuring, sentAfter)).containsExactly(true, false, false, true);
        assertThat(pausedHere).isEqualTo(NumberPace.PAUSE);
        assertThat(pace.pausesHere(phone)).isEqualTo(NumberPace.PAUSE.multipliedBy(2));
        List<Instant> slots = CurrentStore.callAs(store, () -> pace.take(phone, 80, 1, now)).stream()
                .map(Slot::at)
                .toList();
        // two pauses, not four, after the slot taken before them (to the database's microsecond)
        assertThat(Duration.between(now.plus(NumberPace.PAUSE.multipliedBy(2)), slots.getFirst())
                        .toNanos())
                .isBetween(12_886_000L, 12_887_000L);
    }

    @Test
    void theQueuedMessagesOfANumberMetaFoundTooFastAreDueThePauseLaterWithoutBeingRewritten() throws Exception {
        Instant soon =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusSeconds(30);
        MessageId queued = MessageId.random();
        Slot given =
                CurrentStore.callAs(store, () -> pace.take(phone, 80, 1, soon)).getFirst();
        CurrentStore.runAs(
                store,
                () -> rows.insert(
                        TestMessages.text(queued, soon.minusSeconds(1), DeliveryStatus.QUEUED, Sending.QUEUED, phone),
                        given));

        CurrentStore.callAs(store, () -> pace.slowDown(phone, Instant.now(), Instant.now()));

        Outbox atItsSlot = new Outbox(
                jdbc,
                new org.springframework.transaction.support.TransactionTemplate(transactions),
                java.time.Clock.fixed(soon, java.time.ZoneOffset.UTC));
        Outbox.Due due = atItsSlot.claim(1_000).stream()
                .filter(claimed -> claimed.message().equals(queued))
                .findFirst()
                .orElseThrow();
        assertThat(due.slot()).isEqualTo(given);
        StoreNumber number = new StoreNumber(store, phone);
        assertThat(due.slot().after(claimed.at(Set.of(number), soon).get(number).pausedSoFar()))
                .isEqualTo(soon.plus(NumberPace.PAUSE));
    }

    @Test
    void aNumberThatSentNothingForAWhileStartsNowNotWhereItStopped() throws Exception {
        CurrentStore.callAs(store, () -> pace.take(phone, 20, 3, now));

        assertThat(CurrentStore.callAs(store, () -> pace.take(phone, 20, 1, now.plusSeconds(60))))
                .extracting(Slot::at)
                .containsExactly(now.plusSeconds(60));
    }
}
