package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.CurrentStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On every node, takes due status callbacks and posts each as its store, a batch at a time on virtual
 * threads (a post waits on the receiver, not on a core), until none is due.
 */
@Component
class CallbackWorker {

    private static final Logger log = LoggerFactory.getLogger(CallbackWorker.class);

    private final CallbackOutbox outbox;
    private final CallbackDeliveries deliveries;
    private final CallbackSettings settings;

    CallbackWorker(CallbackOutbox outbox, CallbackDeliveries deliveries, CallbackSettings settings) {
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${messaging.callbacks.poll:1s}")
    void work() {
        List<CallbackOutbox.Due> batch;
        do {
            batch = outbox.claim(settings.senders());
            try (ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor()) {
                for (CallbackOutbox.Due due : batch) {
                    posts.submit(() -> deliver(due));
                }
            }
        } while (batch.size() == settings.senders());
    }

    private void deliver(CallbackOutbox.Due due) {
        try {
            CurrentStore.runAs(due.store(), () -> deliveries.attempt(due));
        } catch (RuntimeException unexpected) {
            // The lease runs out and the callback is tried again.
            log.error("Status callback {} failed unexpectedly", due.id(), unexpected);
        }
    }
}
