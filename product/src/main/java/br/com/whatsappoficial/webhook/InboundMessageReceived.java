package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer wrote to a store's number: it opens (or renews) the customer's 24 h service window.
 *
 * @param from the customer's WhatsApp id; absent for username users from 2026-03-31
 * @param fromUserId the customer's business-scoped user id, when Meta sends one
 * @param type Meta's message type (text, image, button, ...)
 * @param text the text of a text message
 * @param sentAt when the customer sent it
 */
public record InboundMessageReceived(
        StoreId store,
        String phoneNumberId,
        String messageId,
        @Nullable String from,
        @Nullable String fromUserId,
        @Nullable String profileName,
        String type,
        @Nullable String text,
        Instant sentAt) {}
