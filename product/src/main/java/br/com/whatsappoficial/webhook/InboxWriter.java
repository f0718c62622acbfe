package br.com.whatsappoficial.webhook;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Group commit for the inbox: the POSTs that arrive while a transaction is being written wait for the
 * next one together, so a node commits once per batch of POSTs instead of once per POST. Each POST is
 * still answered only after the commit that holds its events. When a batch's commit fails, each of its
 * POSTs is committed again on its own, so that one POST's failure fails only that POST (it answers 503
 * and Meta retries) and never the others that happened to share its batch. Per node, {@code
 * webhook.inbox-writers} writer threads; one by default, since the POSTs that wait for it share a larger
 * commit, which costs less per event than two smaller ones.
 */
@Component
class InboxWriter {

    /** The most POSTs one transaction takes; Meta sends 1 to 1,000 events per POST. */
    static final int MAX_POSTS_PER_COMMIT = 64;

    /** Past this a POST answers 503 (Meta retries; a late commit makes the retry a duplicate). */
    static final Duration WAIT_FOR_COMMIT = Duration.ofSeconds(10);

    private record Pending(List<InboxEvent> events, CompletableFuture<WebhookInbox.Stored> committed) {}

    private final WebhookInbox inbox;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers;
    private volatile boolean running = true;

    InboxWriter(WebhookInbox inbox, WebhookSettings settings) {
        this.inbox = inbox;
        this.writers = IntStream.range(0, settings.inboxWriters())
                .mapToObj(n -> Thread.ofPlatform()
                        .name("webhook-inbox-writer-" + n)
                        .daemon()
                        .start(this::write))
                .toList();
    }

    /** Stores one POST's events, all or none, once committed; throws what the commit threw. */
    WebhookInbox.Stored store(List<InboxEvent> events) {
        if (events.isEmpty()) {
            return new WebhookInbox.Stored(0, 0);
        }
        Pending pending = new Pending(events, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.committed().get(WAIT_FOR_COMMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new DataAccessResourceFailureException("inbox commit failed", failed.getCause());
        } catch (TimeoutException late) {
            throw new DataAccessResourceFailureException("inbox commit took longer than " + WAIT_FOR_COMMIT, late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while waiting for the inbox commit", interrupted);
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_POSTS_PER_COMMIT);
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException stopping) {
                break;
            }
            queue.drainTo(batch, MAX_POSTS_PER_COMMIT - 1);
            try {
                List<WebhookInbox.Stored> stored =
                        inbox.storeAll(batch.stream().map(Pending::events).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).committed().complete(stored.get(i));
                }
            } catch (RuntimeException failed) {
                if (batch.size() == 1) {
                    batch.getFirst().committed().completeExceptionally(failed);
                } else {
                    batch.forEach(this::storeAlone);
                }
            }
            batch.clear();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending ->
                pending.committed().completeExceptionally(new DataAccessResourceFailureException("shutting down")));
    }

    private void storeAlone(Pending pending) {
        try {
            pending.committed()
                    .complete(inbox.storeAll(List.of(pending.events())).getFirst());
        } catch (RuntimeException failed) {
            pending.committed().completeExceptionally(failed);
        }
    }

    /** POSTs waiting for a writer (tests wait on it). */
    int waiting() {
        return queue.size();
    }

    @PreDestroy
    void stop() {
        running = false;
        writers.forEach(Thread::interrupt);
    }
}
