package br.com.whatsappoficial.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * When this node's next call to Meta for one number may start. Meta counts a number's sends in every second,
 * as they arrive: a call starts once fewer than {@code perSecond} calls of the number started in the second
 * before it, and no sooner than {@code gap} after the previous one, so that a few late sends never reach Meta
 * in one bunch. A send that left late (the machine busy) is then followed by the others as soon as the
 * second allows, not one full spacing after it: a pause of the machine costs the number nothing it can still
 * make up within its rate, where a fixed spacing after the last call lost it for good.
 */
final class CallWindow {

    static final Duration SECOND = Duration.ofSeconds(1);

    private final int perSecond;
    private final Duration gap;
    /** The latest {@code perSecond} starts in nanoseconds since the epoch, oldest at {@code next} once full. */
    private final long[] starts;

    private int next;
    private int count;

    CallWindow(int perSecond, Duration gap) {
        this.perSecond = Math.max(1, perSecond);
        this.gap = gap;
        this.starts = new long[this.perSecond];
    }

    /** Whether this window still fits a number Meta allows {@code perSecond} sends a second, calls {@code gap} apart. */
    boolean fits(int perSecond, Duration gap) {
        return this.perSecond == Math.max(1, perSecond) && this.gap.equals(gap);
    }

    /** When a call wanted at {@code now} may start; that start is counted. */
    synchronized Instant take(Instant now) {
        long start = nanos(now);
        if (count > 0) {
            start = Math.max(start, starts[(next + perSecond - 1) % perSecond] + gap.toNanos());
        }
        if (count == perSecond) {
            // The oldest of the last perSecond starts leaves the second.
            start = Math.max(start, starts[next] + SECOND.toNanos());
        }
        starts[next] = start;
        next = (next + 1) % perSecond;
        count = Math.min(count + 1, perSecond);
        return Instant.ofEpochSecond(0, start);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
