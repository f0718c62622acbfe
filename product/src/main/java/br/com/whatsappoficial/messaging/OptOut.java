package br.com.whatsappoficial.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer on the store's suppression list.
 *
 * @param messageId what caused it: our message Meta failed with 131050, or the customer's own message
 * @param messageText the customer's message that held a stop word
 */
record OptOut(
        Customer customer,
        OptOutSource source,
        Instant optedOutAt,
        @Nullable String messageId,
        @Nullable String messageText) {

    /**
     * Whether a message may still go while the customer's window is open until {@code windowClosesAt}:
     * only when the customer wrote after asking to stop, so the store can answer them. Their stop itself
     * (a stop word opens a window too) never lets a campaign through.
     */
    boolean allowsReplyInWindowClosingAt(Instant windowClosesAt) {
        return windowClosesAt.minus(ServiceWindows.WINDOW).isAfter(optedOutAt);
    }

    /** As the merchant reads it: {@code +55 11 98765-4321}, or the business-scoped user id (public for the page). */
    public String display() {
        return customer.display();
    }
}
