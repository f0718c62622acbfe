package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.util.List;

/**
 * The customers' messages to one store's numbers that one batch of the inbox holds, in the order they
 * reached us. Published inside the transaction that marks their events processed: listen with a
 * synchronous {@code @EventListener}, so the effects commit with them, exactly once (a failure retries
 * the events).
 */
public record InboundMessagesReceived(StoreId store, List<InboundMessageReceived> messages) {

    public InboundMessagesReceived {
        messages = List.copyOf(messages);
    }
}
