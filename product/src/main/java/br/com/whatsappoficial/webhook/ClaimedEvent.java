package br.com.whatsappoficial.webhook;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An inbox event a worker holds locked in its processing transaction.
 *
 * @param attempts the attempt this is (1 for the first); the row counts it only if it fails, and a
 *     failure is recorded only on a row that still counts the attempts before it
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
