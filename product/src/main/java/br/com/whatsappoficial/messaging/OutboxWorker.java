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
 * On every node, takes due messages from the outbox and sends each as its store, a batch at a time on
 * virtual threads (a Graph call waits on the network, not on a core), until none is due.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final MessageDispatch dispatch;
    private final MessagingSettings settings;

    OutboxWorker(Outbox outbox, MessageDispatch dispatch, MessagingSettings settings) {
        this.outbox = outbox;
        this.dispatch = dispatch;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${messaging.outbox-poll:500ms}")
    void work() {
        List<Outbox.Due> batch;
        do {
            batch = outbox.claim(settings.senders());
            try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Outbox.Due due : batch) {
                    calls.submit(() -> send(due));
                }
            }
        } while (batch.size() == settings.senders());
    }

    private void send(Outbox.Due due) {
        try {
            CurrentStore.runAs(due.store(), () -> dispatch.attempt(due.message(), due.wasInFlight()));
        } catch (RuntimeException unexpected) {
            // The lease runs out and the message is looked at again (as in flight: never resent blindly).
            log.error("Sending message {} failed unexpectedly", due.message(), unexpected);
        }
    }
}
