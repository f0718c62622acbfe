package br.com.whatsappoficial.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Status callbacks to the stores' receivers.
 *
 * @param poll how often each node looks for due callbacks
 * @param senders the callbacks one node posts at once
 * @param connectTimeout how long a receiver may take to accept the connection
 * @param readTimeout how long a receiver may take to answer: it should answer at once and work later
 * @param lookupTimeout how long a receiver's name may take to resolve
 * @param firstRetry the wait after the first failed attempt, doubled after each one (with jitter)
 * @param maxRetry the longest wait between two attempts
 * @param giveUpAfter how long after the status a callback is still tried
 * @param keepFor how long a delivered or given-up callback stays in the merchant's log
 */
@Validated
@ConfigurationProperties("messaging.callbacks")
record CallbackSettings(
        @DefaultValue("1s") Duration poll,
        @DefaultValue("8") @Min(1) @Max(200) int senders,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("3s") Duration lookupTimeout,
        @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("30d") Duration keepFor) {

    /**
     * The wait before attempt {@code attempts + 1}: exponential, capped, and drawn between half and all of
     * it, so receivers that failed together are not all called again at the same moment.
     */
    Duration retryDelay(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = firstRetry.multipliedBy(factor);
        if (delay.compareTo(maxRetry) > 0 || delay.isNegative()) {
            delay = maxRetry;
        }
        long millis = delay.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    /** The longest a callback waits for a node: more than a post with its timeouts. */
    Duration lease() {
        return connectTimeout.plus(readTimeout).plus(lookupTimeout).plusSeconds(30);
    }
}
