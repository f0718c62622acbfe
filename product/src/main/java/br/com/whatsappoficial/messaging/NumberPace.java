package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meta's throughput of each number, kept by every node together: a send takes the number's next free
 * slot from the number's one row, locked while it is taken, so slots are 1/mps apart whichever node takes
 * them. After Meta says the number went too fast (130429) it pauses a second: its next slot, and every
 * queued message's slot, move a second later, at the same pace.
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
     * bunch (a stall of the machine, then its late sends): a quarter of a second lets a bunch of 20 leave,
     * and costs 20 of the number's sends where a whole second cost 78 (PacingBench: a one-number campaign
     * fell to 0.79 of Meta's rate with 13 refusals paused a second each).
     */
    static final Duration PAUSE = Duration.ofMillis(250);

    /** {@link #PAUSE} as the SQL adds it, a number of seconds times a one-second interval (PostgreSQL and H2). */
    private static final double PAUSE_SECONDS = PAUSE.toNanos() / 1e9;

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
            Instant pace = jdbc.sql("""
                            select next_slot_at from messaging_number_pace
                            where store_id = :storeId and phone_number_id = :phone for update""")
                    .param("phone", phoneNumberId)
                    .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                    .single();
            Duration step = step(messagesPerSecond);
            Instant first = pace.isAfter(now) ? pace : now;
            List<Instant> slots = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                slots.add(first.plus(step.multipliedBy(i)));
            }
            Instant next = first.plus(step.multipliedBy(count));
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

    /**
     * Meta refused a send for going too fast: the number pauses {@link #PAUSE}. Its slots were taken at
     * the pace it keeps (a little under Meta's), so they all move later by the pause rather than spread
     * out: a campaign queued earlier keeps its pace, a pause late.
     */
    void slowDown(String phoneNumberId, Instant now) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            update messaging_number_pace
                               set next_slot_at = case when next_slot_at > :now then next_slot_at else :now end
                                   + cast(:pauseSeconds as double precision) * interval '1' second
                            where store_id = :storeId and phone_number_id = :phone""")
                    .param("now", utc(now))
                    .param("pauseSeconds", PAUSE_SECONDS)
                    .param("phone", phoneNumberId)
                    .update();
            jdbc.sql("""
                            update messaging_outbox
                               set slot_at = slot_at + cast(:pauseSeconds as double precision) * interval '1' second,
                                   due_at = due_at + cast(:pauseSeconds as double precision) * interval '1' second
                            where store_id = :storeId and phone_number_id = :phone and slot_at >= :now
                              and in_flight = false""")
                    .param("now", utc(now))
                    .param("pauseSeconds", PAUSE_SECONDS)
                    .param("phone", phoneNumberId)
                    .update();
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
