package br.com.whatsappoficial.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message as it is kept: what was asked, where it is, and what Meta said about it.
 *
 * @param customer whom windows and the budget count
 * @param to the E.164 number Meta is called with; null for a customer known only by user id
 * @param waId the WhatsApp id Meta answered with (may lack a Brazilian mobile's 9th digit)
 * @param countsAgainstLimit whether it took a new customer's slot of the proactive budget
 */
record StoredMessage(
        MessageId id,
        String phoneNumberId,
        String wabaId,
        String portfolio,
        Customer customer,
        String recipientInput,
        @Nullable String to,
        @Nullable String userId,
        @Nullable String waId,
        MessageContent content,
        @Nullable String metadata,
        @Nullable String callbackUrl,
        boolean countsAgainstLimit,
        DeliveryStatus status,
        Sending sending,
        @Nullable String metaMessageId,
        int attempts,
        @Nullable Failure failure,
        @Nullable Pricing pricing,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Why a message failed.
     *
     * @param code our code: {@code meta_error} when Meta refused or failed it, else what stopped it here
     * @param metaCode Meta's error code, when Meta gave one
     */
    record Failure(
            String code,
            @Nullable Integer metaCode,
            String title,
            @Nullable String detail) {}

    /** What Meta charges for it, from its statuses. */
    record Pricing(@Nullable String category, @Nullable Boolean billable) {}

    /** Who Meta is called with: the number, or the user id of a customer known only by it. */
    String metaRecipient() {
        return to != null ? to : java.util.Objects.requireNonNull(userId);
    }
}
