package br.com.whatsappoficial.webhook;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Webhook events that arrived before any store owned their WABA or number (Meta can send them while the
 * merchant is still in the signup popup). They are looked at again less and less often, so the module
 * that records a new connection releases them: they are then processed at once, as their store.
 */
@Component
public class ParkedWebhooks {

    private final InboxQueue queue;
    private final InboxWorkers workers;

    ParkedWebhooks(InboxQueue queue, InboxWorkers workers) {
        this.queue = queue;
        this.workers = workers;
    }

    /**
     * Call in the transaction that records the connection: the released events are due when it commits,
     * not before (a worker cannot see them as its store's until then).
     */
    public void release(String wabaId, String phoneNumberId) {
        if (queue.releaseParked(wabaId, List.of(phoneNumberId)) > 0) {
            workers.wakeUpAfterCommit();
        }
    }
}
