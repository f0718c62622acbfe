package br.com.whatsappoficial.webhook;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An inbox event that needs a person, as support sees it.
 *
 * @param reason why it was quarantined
 * @param payload the stored event (the raw body for a malformed POST); only in the detail view
 */
record QuarantinedEvent(
        long id,
        String idempotencyKey,
        String field,
        @Nullable String wabaId,
        @Nullable String phoneNumberId,
        int attempts,
        OffsetDateTime receivedAt,
        @Nullable String reason,
        @Nullable String payload) {

    /** Why it is here, named for support's page. */
    public QuarantineCause cause() {
        return QuarantineCause.of(reason);
    }

    /** A correctly signed body that was not JSON: stored whole, and never replayable. */
    public boolean malformed() {
        return "(malformed)".equals(field);
    }

    /** Whether a replay could help: not for a malformed body, nor for a value too long to store. */
    public boolean replayable() {
        return !malformed() && !"(oversized)".equals(field) && !"(unstorable)".equals(field);
    }
}
