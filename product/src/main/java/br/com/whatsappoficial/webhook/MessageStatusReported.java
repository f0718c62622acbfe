package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Meta reported a status of a message a store sent, exactly as Meta sent it. Meta delivers statuses
 * more than once and out of order, and adds status values over time, so this is published for every
 * report: the module that owns the message decides whether it moves the message forward.
 *
 * @param status Meta's word ({@code sent}, {@code delivered}, {@code read}, {@code failed}, {@code played}
 *     or one Meta adds later), lower case
 * @param recipientId the customer's WhatsApp id; absent for a customer known only by a username
 * @param recipientUserId the customer's business-scoped user id, when Meta sends one
 * @param bizOpaqueCallbackData what we attached when sending, to find our own record of the message
 * @param pricing the category Meta charges for, on {@code sent} and one later status
 * @param errors Meta's errors of a failed message
 */
public record MessageStatusReported(
        StoreId store,
        String phoneNumberId,
        String messageId,
        String status,
        @Nullable String recipientId,
        @Nullable String recipientUserId,
        Instant at,
        @Nullable String bizOpaqueCallbackData,
        @Nullable Pricing pricing,
        List<MessageError> errors) {

    public MessageStatusReported {
        errors = List.copyOf(errors);
    }

    /** What Meta charges for the message: {@code marketing}, {@code utility}, {@code authentication}, {@code service}... */
    public record Pricing(
            @Nullable String category,
            @Nullable Boolean billable,
            @Nullable String pricingModel) {}

    /** Meta's error of a failed message; branch on the code, never on the title. */
    public record MessageError(
            int code, String title, @Nullable String details) {}
}
