package br.com.whatsappoficial.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When a node's workers look for parked events due again. A parked event waits for a store to own its
 * WABA or number, minutes or days, so a look {@link #EVERY} second is as good as one per claim, and a
 * campaign's statuses, each claimed alone as it arrives, no longer pay a second query each. A look that
 * found a full batch lets the next claim look again at once: a backlog of parked events drains at full speed.
 */
final class ParkedLooks {

    static final Duration EVERY = Duration.ofSeconds(1);

    private final AtomicReference<Instant> next = new AtomicReference<>(Instant.MIN);

    /** Whether this claim looks; if so, the next look is due {@link #EVERY} later (one claim of many wins). */
    boolean due(Instant now) {
        Instant due = next.get();
        return !now.isBefore(due) && next.compareAndSet(due, now.plus(EVERY));
    }

    /** The look found as many as it asked for: there may be more, the next claim looks again. */
    void foundAFullBatch() {
        next.set(Instant.MIN);
    }
}
