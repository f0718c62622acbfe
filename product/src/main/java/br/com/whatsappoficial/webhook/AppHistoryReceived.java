package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One chunk of a coexistence number's chat history (Meta's {@code history}): the chats of the 180 days
 * before onboarding, in three phases (0: the last day, 1: up to day 90, 2: up to day 180), each in chunks
 * numbered by {@code chunkOrder}. Chunks arrive in any order and may arrive twice.
 *
 * @param progress the whole sync's progress in percent, 100 when it is complete
 */
public record AppHistoryReceived(
        StoreId store, String phoneNumberId, int phase, int chunkOrder, int progress, List<HistoryMessage> messages) {

    public AppHistoryReceived {
        messages = List.copyOf(messages);
    }

    /**
     * One message of a chat, between the business and the customer whose number names the thread.
     *
     * @param fromBusiness sent from the business app (an echo in the history), else the customer's
     * @param status the message's last delivery status as Meta knew it (READ, DELIVERED, ...)
     */
    public record HistoryMessage(
            String messageId,
            String customer,
            boolean fromBusiness,
            String type,
            @Nullable String text,
            Instant sentAt,
            @Nullable String status) {}
}
