package br.com.whatsappoficial.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * A send slot a number's pace gave a message, and how long the number had paused by then (after Meta said it
 * went too fast): each pause after it moves the slot that much later, so a pause needs no rewrite of the
 * messages already queued.
 *
 * @param at when the slot was, when it was given
 * @param pausedBefore the number's pauses added up, when it was given
 */
record Slot(Instant at, Duration pausedBefore) {

    /** When the slot is now that the number has paused {@code pausedSoFar} in all. */
    Instant after(Duration pausedSoFar) {
        return at.plus(pausedSoFar.minus(pausedBefore));
    }
}
