package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A status webhook as Meta sent it, before we know whether it moves the message forward. */
record StatusReport(
        StoreId store,
        String phoneNumberId,
        String messageId,
        MessageStatus status,
        @Nullable String recipientId,
        Instant at,
        @Nullable String bizOpaqueCallbackData,
        List<MessageStatusChanged.MessageError> errors) {

    MessageStatusChanged changedFrom(@Nullable MessageStatus previous) {
        return new MessageStatusChanged(
                store, phoneNumberId, messageId, status, previous, recipientId, at, bizOpaqueCallbackData, errors);
    }
}
