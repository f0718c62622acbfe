package br.com.whatsappoficial.webhook;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An inbox event a worker holds for the length of its lease.
 *
 * @param attempts the attempt this claim is (1 for the first); it also fences off a worker whose
 *     lease ran out, since the row's attempts moved on when another worker claimed it again
 */
record ClaimedEvent(
        long id,
        String idempotencyKey,
        String field,
        @Nullable String wabaId,
        @Nullable String phoneNumberId,
        String payload,
        int attempts,
        OffsetDateTime receivedAt) {}
