package br.com.metasandbox.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One webhook POST the sandbox owes the product, with everything any node needs to send and retry it.
 *
 * @param status PENDING until the callback answers 200 (DELIVERED) or the retries run out (GAVE_UP)
 */
public record WebhookDelivery(
        UUID id,
        String field,
        String entryId,
        String targetUrl,
        String payload,
        @Nullable UUID duplicateOf,
        String status,
        int attempts,
        Duration retryFirst,
        Duration retryMax,
        Instant giveUpAt,
        Instant nextAttemptAt,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant deliveredAt) {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String GAVE_UP = "GAVE_UP";

    /** Still to send: not delivered, and not given up on. */
    boolean pending() {
        return PENDING.equals(status);
    }

    /** Still to send, and its time has come: not waiting for a retry another sender planned. */
    boolean dueAt(Instant now) {
        return pending() && !nextAttemptAt.isAfter(now);
    }

    /** Meta retries "with decreasing frequency" [doc]: the wait doubles from the first retry up to the longest. */
    Duration waitAfter(int failedAttempts) {
        Duration wait = retryFirst;
        for (int i = 1; i < failedAttempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
