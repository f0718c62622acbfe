package br.com.whatsappoficial.messaging;

import br.com.leasedjobs.JobTable;
import br.com.leasedjobs.LeasedJobs;
import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out queued messages that are due, each to one worker on one node: claimed with SKIP LOCKED and
 * marked in flight for a lease, so a message is never with two workers at once.
 */
@Component
@CrossStore("the workers serve every store, then send each message as its store")
class Outbox {

    /** Longer than a Graph call with its timeouts: a worker that outlives it lost the node. */
    static final Duration LEASE = Duration.ofMinutes(2);

    // in_flight is read before the claim sets it: a message claimed while in flight was with a worker
    // whose lease ran out
    private static final JobTable MESSAGES = JobTable.of("messaging_outbox", "message_id", "due_at")
            .selecting("store_id", "in_flight", "phone_number_id", "slot_at", "slot_paused_micros")
            .settingOnClaim("in_flight = true");

    /**
     * A message to send.
     *
     * @param wasInFlight a worker took it before and never came back: it may have reached Meta
     * @param slot the send slot its number gave it earlier, if it had to wait for one
     */
    record Due(
            MessageId message,
            StoreId store,
            boolean wasInFlight,
            String phoneNumberId,
            @Nullable Slot slot) {}

    private final LeasedJobs messages;
    private final Clock clock;

    Outbox(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.messages = MESSAGES.on(jdbc, transaction);
        this.clock = clock;
    }

    List<Due> claim(int limit) {
        return messages.claim(
                limit,
                clock.instant(),
                LEASE,
                (rs, n) -> new Due(
                        new MessageId(rs.getObject("message_id", UUID.class)),
                        new StoreId(rs.getObject("store_id", UUID.class)),
                        rs.getBoolean("in_flight"),
                        rs.getString("phone_number_id"),
                        slot(rs.getObject("slot_at", OffsetDateTime.class), rs.getLong("slot_paused_micros"))));
    }

    private static @Nullable Slot slot(@Nullable OffsetDateTime at, long pausedMicros) {
        return at == null ? null : new Slot(at.toInstant(), Duration.ofNanos(pausedMicros * 1_000));
    }
}
