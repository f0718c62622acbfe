package br.com.whatsappoficial.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drains the inbox: claims due events, processes each, and polls again. Nothing sleeps on a failed
 * event: its next attempt is a time on its row. A POST wakes the worker up at once, so events are
 * processed within milliseconds on the node that stored them and within a poll on the others.
 */
@Component
class InboxWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(5);

    private final InboxQueue queue;
    private final InboxProcessor processor;
    private final WebhookSettings settings;
    private final WebhookMetrics metrics;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> loops = new ArrayList<>();
    private @Nullable ScheduledExecutorService backlogMeter;

    InboxWorkers(InboxQueue queue, InboxProcessor processor, WebhookSettings settings, WebhookMetrics metrics) {
        this.queue = queue;
        this.processor = processor;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** New events are in the inbox: look now rather than at the next poll. */
    void wakeUp() {
        if (running.get() && wakeUps.availablePermits() < loops.size()) {
            wakeUps.release();
        }
    }

    /** New events become due when the current transaction commits: look then. */
    void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    /** Processes every due event now; returns how many were taken. For the loop and for tests. */
    int drain() {
        int taken = 0;
        int batch;
        do {
            batch = processor.processDue(settings.batchSize());
            taken += batch;
        } while (batch == settings.batchSize() && running.get());
        return taken;
    }

    @Override
    public void start() {
        if (!settings.workersEnabled() || !running.compareAndSet(false, true)) {
            return;
        }
        for (int i = 0; i < settings.workers(); i++) {
            loops.add(Thread.ofVirtual().name("webhook-inbox-" + i).start(this::loop));
        }
        backlogMeter = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("webhook-backlog").factory());
        backlogMeter.scheduleWithFixedDelay(this::refreshBacklog, 0, BACKLOG_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void loop() {
        while (running.get()) {
            try {
                drain();
                wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Typically the database is down: the events wait in the inbox; try again at the next poll.
                log.warn("Webhook inbox worker could not claim events: {}", e.getMessage());
                try {
                    wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void refreshBacklog() {
        try {
            InboxQueue.Backlog backlog = queue.backlog();
            metrics.backlog(backlog.waiting(), backlog.oldestAge().toSeconds());
        } catch (RuntimeException e) {
            log.debug("Webhook backlog not measured: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            if (backlogMeter != null) {
                backlogMeter.shutdownNow();
            }
            // A worker finishes the batch in hand; a batch it cannot finish rolls back, its events due at once.
            wakeUps.release(loops.size());
            try {
                for (Thread loop : loops) {
                    loop.join(Duration.ofSeconds(10));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loops.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
