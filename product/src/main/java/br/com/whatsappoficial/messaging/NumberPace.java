package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.Database;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meta's throughput of each number, kept by every node together: a send takes the number's next free
 * slot from the number's one row, locked while it is taken, so slots are 1/mps apart whichever node takes
 * them. After Meta says the number went too fast (130429) it pauses {@link #PAUSE}: its next slot, every
 * queued message's slot and the sends this node already timed move that much later, at the same pace.
 */
@Component
class NumberPace {

    /**
     * The share of Meta's throughput the slots use. Sends leave a little late or early (timers, the network),
     * and Meta counts every second: at the full rate a few bunched sends make a second of 81, which Meta
     * refuses (130429) and which pauses the number.
     */
    static final double SHARE = 0.97;

    /**
     * How long a number pauses after Meta refused a send for going too fast. The refusal says the last
     * second already held the number's limit; room comes back as the oldest of those sends leaves that
     * second, within 1/80 s at an even pace. What makes a pace that stays under the limit hit it is a
     * bunch (the machine stalled, then its late sends), and a bunch's refusals pause the number once, not
     * once each. A tenth of a second costs 8 of the number's sends; should Meta still refuse after it, the
     * next refusal pauses again (PacingBench, one number: 0.79 of Meta's rate with a second's pause, 0.86
     * with a quarter, 0.95 with a tenth and one pause per bunch).
     */
    static final Duration PAUSE = Duration.ofMillis(100);

    /** {@link #PAUSE} as the SQL adds it, a number of seconds times a one-second interval (PostgreSQL and H2). */
    private static final double PAUSE_SECONDS = PAUSE.toNanos() / 1e9;

    private final StoreScopedJdbc jdbc;
    private final Database database;
    private final TransactionTemplate transaction;
    private final Map<String, Duration> pausesHere = new ConcurrentHashMap<>();

    NumberPace(StoreScopedJdbc jdbc, Database database, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.database = database;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * {@code count} consecutive slots of the current store's number, the first no earlier than {@code now} (to
     * the database's microsecond).
     */
    List<Slot> take(String phoneNumberId, int messagesPerSecond, int count, Instant now) {
        Duration step = step(messagesPerSecond);
        return transaction.execute(status -> {
            Slot first = database.postgres()
                    ? moveOn(phoneNumberId, step.multipliedBy(count), now).orElseGet(() -> {
                        createPace(phoneNumberId, now);
                        return moveOn(phoneNumberId, step.multipliedBy(count), now)
                                .orElseThrow(() -> new IllegalStateException(
                                        "Number " + phoneNumberId + " has a pace of another store"));
                    })
                    : lockedMoveOn(phoneNumberId, step.multipliedBy(count), now);
            List<Slot> slots = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                slots.add(new Slot(first.at().plus(step.multipliedBy(i)), first.pausedBefore()));
            }
            return slots;
        });
    }

    /**
     * Moves the number's next slot {@code span} on from its next slot or from now, whichever is later, in one
     * statement (its row locked by the update): where the span begins, or nothing when the number has no
     * pace yet. Once per message of a campaign, so one round trip rather than a lock, a read and a write.
     */
    private Optional<Slot> moveOn(String phoneNumberId, Duration span, Instant now) {
        // To the database's microsecond, rounded as it rounds a time it is given.
        long spanMicros = (span.toNanos() + 500) / 1_000;
        return jdbc.sql("""
                        update messaging_number_pace
                           set next_slot_at = greatest(next_slot_at, :now) + :span * interval '1 microsecond'
                        where store_id = :storeId and phone_number_id = :phone
                        returning next_slot_at, paused_micros""")
                .param("now", utc(now))
                .param("span", spanMicros)
                .param("phone", phoneNumberId)
                .query((rs, n) -> new Slot(
                        rs.getObject(1, OffsetDateTime.class).toInstant().minusNanos(spanMicros * 1_000),
                        micros(rs.getLong(2))))
                .optional();
    }

    /** {@link #moveOn} where an update cannot return its row (H2): lock, read, write. */
    private Slot lockedMoveOn(String phoneNumberId, Duration span, Instant now) {
        createPace(phoneNumberId, now);
        Slot pace = jdbc.sql("""
                        select next_slot_at, paused_micros from messaging_number_pace
                        where store_id = :storeId and phone_number_id = :phone for update""")
                .param("phone", phoneNumberId)
                .query((rs, n) -> new Slot(rs.getObject(1, OffsetDateTime.class).toInstant(), micros(rs.getLong(2))))
                .single();
        Instant first = pace.at().isAfter(now) ? pace.at() : now;
        jdbc.sql("""
                        update messaging_number_pace set next_slot_at = :next
                        where store_id = :storeId and phone_number_id = :phone""")
                .param("next", utc(first.plus(span)))
                .param("phone", phoneNumberId)
                .update();
        return new Slot(first, pace.pausedBefore());
    }

    private void createPace(String phoneNumberId, Instant now) {
        jdbc.sql("""
                        insert into messaging_number_pace (phone_number_id, store_id, next_slot_at)
                        values (:phone, :storeId, :now) on conflict do nothing""").param("phone", phoneNumberId).param("now", utc(now)).update();
    }

    /** The time between two slots of a number Meta allows {@code messagesPerSecond}. */
    static Duration step(int messagesPerSecond) {
        return Duration.ofNanos((long) (1_000_000_000L / (Math.max(1, messagesPerSecond) * SHARE)));
    }

    /**
     * Meta refused a send that left at {@code sentAt} for going too fast: the number pauses {@link #PAUSE},
     * unless it already paused after that send left (the refusal then belongs to the bunch that paused it:
     * pausing again for each of its sends would stack a pause per refusal). Its next slot and every slot
     * already given move later by the pause ({@link Slot#after}) rather than spread out: a campaign queued
     * earlier keeps its pace, a pause late. Whether it paused.
     */
    boolean slowDown(String phoneNumberId, Instant sentAt, Instant now) {
        Boolean paused = transaction.execute(status -> {
            Instant lastPause = jdbc.sql("""
                            select slowed_at from messaging_number_pace
                            where store_id = :storeId and phone_number_id = :phone for update""")
                    .param("phone", phoneNumberId)
                    .query((rs, n) -> {
                        OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                        return at == null ? Instant.EPOCH : at.toInstant();
                    })
                    .optional()
                    .orElse(Instant.EPOCH);
            if (sentAt.isBefore(lastPause.plus(PAUSE))) {
                return false;
            }
            jdbc.sql("""
                            update messaging_number_pace
                               set next_slot_at = case when next_slot_at > :now then next_slot_at else :now end
                                   + cast(:pauseSeconds as double precision) * interval '1' second,
                                   slowed_at = :now, paused_micros = paused_micros + :pauseMicros
                            where store_id = :storeId and phone_number_id = :phone""")
                    .param("now", utc(now))
                    .param("pauseSeconds", PAUSE_SECONDS)
                    .param("pauseMicros", PAUSE.toNanos() / 1_000)
                    .param("phone", phoneNumberId)
                    .update();
            return true;
        });
        if (Boolean.TRUE.equals(paused)) {
            pausesHere.merge(phoneNumberId, PAUSE, Duration::plus);
        }
        return Boolean.TRUE.equals(paused);
    }

    /**
     * The pauses this node decided for the number so far, added up: a send waiting on this node's timer
     * since before a pause waits that much longer, as the queued ones in the outbox do.
     */
    Duration pausesHere(String phoneNumberId) {
        return pausesHere.getOrDefault(phoneNumberId, Duration.ZERO);
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1_000);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
