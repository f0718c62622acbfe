package br.com.whatsappoficial.webhook;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One event of a webhook POST as it is stored in the inbox.
 *
 * @param idempotencyKey the same for every redelivery of the event: the message id, status and
 *     message id, or field, entry, time and content for the other fields
 * @param json the event alone with its entry's context, as JSON in UTF-8 cut from the body's bytes, which
 *     on PostgreSQL go to the database as bytes (the array is not copied: it is not to be changed)
 */
record InboxEvent(
        String idempotencyKey,
        String field,
        @Nullable String wabaId,
        @Nullable String phoneNumberId,
        byte[] json) {

    InboxEvent(
            String idempotencyKey,
            String field,
            @Nullable String wabaId,
            @Nullable String phoneNumberId,
            String payload) {
        this(idempotencyKey, field, wabaId, phoneNumberId, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The event alone with its entry's context, as JSON text. */
    String payload() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /** The inbox's column lengths, in characters. */
    static final int KEY_LENGTH = 300;

    static final int FIELD_LENGTH = 64;
    static final int ID_LENGTH = 64;

    /**
     * What in this event is longer than its inbox column, or null when it fits. Checked before the
     * insert: one such value would otherwise fail the whole group commit it is in, at every retry.
     */
    @Nullable
    String tooLong() {
        if (idempotencyKey.length() > KEY_LENGTH) {
            return "idempotency key of " + idempotencyKey.length() + " characters";
        }
        if (field.length() > FIELD_LENGTH) {
            return "field of " + field.length() + " characters";
        }
        if (wabaId != null && wabaId.length() > ID_LENGTH) {
            return "WABA id of " + wabaId.length() + " characters";
        }
        if (phoneNumberId != null && phoneNumberId.length() > ID_LENGTH) {
            return "phone number id of " + phoneNumberId.length() + " characters";
        }
        return null;
    }

    /**
     * Which of this event's values holds a NUL character, or null when none does. PostgreSQL refuses NUL
     * in text, so such an event (an escaped {@code \\u0000} in an id, field or status) would fail its
     * group commit at every retry.
     */
    @Nullable
    String nulCharacter() {
        if (idempotencyKey.indexOf(0) >= 0) {
            return "idempotency key with a NUL character";
        }
        if (field.indexOf(0) >= 0) {
            return "field with a NUL character";
        }
        if (wabaId != null && wabaId.indexOf(0) >= 0) {
            return "WABA id with a NUL character";
        }
        if (phoneNumberId != null && phoneNumberId.indexOf(0) >= 0) {
            return "phone number id with a NUL character";
        }
        return null;
    }
}
