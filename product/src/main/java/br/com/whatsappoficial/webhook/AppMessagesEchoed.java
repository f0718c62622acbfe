package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code smb_message_echoes}: messages the merchant sent from the WhatsApp Business app (or a linked
 * device) on a coexistence number, so a person answered the customer.
 */
public record AppMessagesEchoed(StoreId store, String phoneNumberId, List<Echo> echoes) {

    public AppMessagesEchoed {
        echoes = List.copyOf(echoes);
    }

    /**
     * One message from the app.
     *
     * @param to the customer's number as the app addressed it
     * @param text the body of a text message
     */
    public record Echo(
            String messageId,
            String to,
            String type,
            @Nullable String text,
            Instant sentAt) {}
}
