package br.com.whatsappoficial.messaging;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the callback log from growing forever: every hour, each node deletes finished callbacks older than
 * {@code messaging.callbacks.keep-for}, in short batches so no delete holds the table long. Two nodes
 * deleting at once only share the work.
 */
@Component
class CallbackRetention {

    private static final Logger log = LoggerFactory.getLogger(CallbackRetention.class);
    private static final int BATCH = 5_000;
    private static final int BATCHES_PER_RUN = 100;

    private final CallbackOutbox outbox;
    private final CallbackSettings settings;
    private final Clock clock;

    CallbackRetention(CallbackOutbox outbox, CallbackSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${messaging.callbacks.retention-every:1h}")
    void onSchedule() {
        try {
            long deleted = deleteExpired();
            if (deleted > 0) {
                log.info("Callback retention deleted {} finished callbacks", deleted);
            }
        } catch (DataAccessException e) {
            // Typically the database is down; what was deleted stays deleted, the next run goes on.
            log.warn("Callback retention stopped early: {}", e.getMessage());
        }
    }

    /** One run: batches until one comes back short or the run's batches are used up. */
    long deleteExpired() {
        Instant cutoff = clock.instant().minus(settings.keepFor());
        long total = 0;
        for (int i = 0; i < BATCHES_PER_RUN; i++) {
            int deleted = outbox.forgetFinishedBefore(cutoff, BATCH);
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        return total;
    }
}
