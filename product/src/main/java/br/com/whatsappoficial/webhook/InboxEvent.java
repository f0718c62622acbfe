package br.com.whatsappoficial.webhook;

import org.jspecify.annotations.Nullable;

/**
 * One event of a webhook POST as it is stored in the inbox.
 *
 * @param idempotencyKey the same for every redelivery of the event: the message id, status and
 *     message id, or field, entry, time and content for the other fields
 * @param payload the event alone with its entry's context, as JSON
 */
record InboxEvent(
        String idempotencyKey,
        String field,
        @Nullable String wabaId,
        @Nullable String phoneNumberId,
        String payload) {}
