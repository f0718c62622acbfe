package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meta's throughput of each number, kept by every node together: a send takes the number's next free
 * slot from the number's one row, locked while it is taken, so slots are 1/mps apart whichever node takes
 * them. After Meta says the number went too fast (130429) its slots are twice as far apart for a while.
 */
@Component
class NumberPace {

    /**
     * The share of Meta's throughput the slots use. Sends leave a little late or early (timers, the network),
     * and Meta counts every second: at the full rate a few bunched sends make a second of 81, which Meta
     * refuses (130429) and which slows the number down for a minute.
     */
    static final double SHARE = 0.97;

    /** How long the slots that fall after Meta refused a send for going too fast stay twice as far apart. */
    static final Duration SLOWED_FOR = Duration.ofMinutes(1);

    private final StoreScopedJdbc jdbc;
    private final TransactionTemplate transaction;

    NumberPace(StoreScopedJdbc jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** {@code count} consecutive slots of the current store's number, the first no earlier than {@code now}. */
    List<Instant> take(String phoneNumberId, int messagesPerSecond, int count, Instant now) {
        return transaction.execute(status -> {
            jdbc.sql("""
                            insert into messaging_number_pace (phone_number_id, store_id, next_slot_at)
                            values (:phone, :storeId, :now) on conflict do nothing""").param("phone", phoneNumberId).param("now", utc(now)).update();
            record Pace(Instant next, @Nullable Instant slowedUntil) {}
            Pace pace = jdbc.sql("""
                            select next_slot_at, slowed_until from messaging_number_pace
                            where store_id = :storeId and phone_number_id = :phone for update""")
                    .param("phone", phoneNumberId)
                    .query((rs, n) -> {
                        OffsetDateTime slowed = rs.getObject(2, OffsetDateTime.class);
                        return new Pace(
                                rs.getObject(1, OffsetDateTime.class).toInstant(),
                                slowed == null ? null : slowed.toInstant());
                    })
                    .single();
            Duration step = step(messagesPerSecond);
            // The slowed minute halves the rate of the sends that fall in it: a campaign queued during that
            // minute keeps its full rate for the slots after it.
            Instant slowedUntil = pace.slowedUntil() == null ? Instant.MIN : pace.slowedUntil();
            Instant next = pace.next().isAfter(now) ? pace.next() : now;
            List<Instant> slots = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                slots.add(next);
                next = next.plus(next.isBefore(slowedUntil) ? step.multipliedBy(2) : step);
            }
            jdbc.sql("""
                            update messaging_number_pace set next_slot_at = :next
                            where store_id = :storeId and phone_number_id = :phone""").param("next", utc(next)).param("phone", phoneNumberId).update();
            return slots;
        });
    }

    /** The time between two slots of a number Meta allows {@code messagesPerSecond}. */
    static Duration step(int messagesPerSecond) {
        return Duration.ofNanos((long) (1_000_000_000L / (Math.max(1, messagesPerSecond) * SHARE)));
    }

    /** Meta refused a send for going too fast: a pause of a second, then slots twice as far apart. */
    void slowDown(String phoneNumberId, Instant now) {
        jdbc.sql("""
                        update messaging_number_pace set slowed_until = :until,
                               next_slot_at = case when next_slot_at > :pause then next_slot_at else :pause end
                        where store_id = :storeId and phone_number_id = :phone""")
                .param("until", utc(now.plus(SLOWED_FOR)))
                .param("pause", utc(now.plusSeconds(1)))
                .param("phone", phoneNumberId)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
