package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.util.List;

/**
 * The statuses of one store's messages that one batch of the inbox holds, in the order they reached us.
 * Statuses come three per message sent, so they travel together: a listener reads and writes what a
 * whole batch needs in a few statements. It is published inside the transaction that marks their events
 * processed: listen with a synchronous {@code @EventListener}, so the effects commit with them, exactly
 * once (a failure retries the events).
 */
public record MessageStatusesReported(StoreId store, List<MessageStatusReported> statuses) {

    public MessageStatusesReported {
        statuses = List.copyOf(statuses);
    }
}
