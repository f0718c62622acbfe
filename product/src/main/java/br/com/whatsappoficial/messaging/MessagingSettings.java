package br.com.whatsappoficial.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param proactiveFloor while a number is Em análise, the most unique customers it may reach proactively
 *     per 24 h (or Meta's limit, if lower): a new number's first campaigns stay small while Meta judges it
 * @param senders the Graph calls one node makes at once; each holds a database connection only around
 *     its call, never during it. A call waits on the network for about a tenth of a second, so a number
 *     held at Meta's 80 messages/s keeps about eight of them busy: 64 serve several numbers at full pace
 * @param maxAttempts calls to Meta per message for transient errors (Meta down, throttled) before it fails
 * @param retryDelay the wait after the first transient error, doubled after each one
 */
@Validated
@ConfigurationProperties("messaging")
record MessagingSettings(
        @DefaultValue("50") @Min(value = 1, message = "messaging.proactive-floor must allow at least one customer")
        int proactiveFloor,

        @DefaultValue("64") @Min(1) @Max(500) int senders,

        @DefaultValue("6") @Min(1) @Max(20) int maxAttempts,

        @DefaultValue("2s") Duration retryDelay) {

    /** The wait before attempt {@code attempt + 1}: 2 s, 4 s, 8 s… capped at 10 minutes. */
    Duration retryDelay(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration delay = retryDelay.multipliedBy(factor);
        return delay.compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : delay;
    }
}
