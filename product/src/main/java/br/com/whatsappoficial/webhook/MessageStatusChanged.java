package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message we sent moved forward (sent → delivered → read, or failed). Published once per move:
 * Meta's duplicates and late, older statuses publish nothing.
 *
 * @param previous the status before, null for the first one seen
 * @param bizOpaqueCallbackData what we attached when sending, to find our own record of the message
 * @param errors Meta's errors of a failed message
 */
public record MessageStatusChanged(
        StoreId store,
        String phoneNumberId,
        String messageId,
        MessageStatus status,
        @Nullable MessageStatus previous,
        @Nullable String recipientId,
        Instant at,
        @Nullable String bizOpaqueCallbackData,
        List<MessageError> errors) {

    /** Meta's error of a failed message; branch on the code, never on the title. */
    public record MessageError(
            int code, String title, @Nullable String details) {}
}
