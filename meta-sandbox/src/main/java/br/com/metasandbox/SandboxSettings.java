package br.com.metasandbox;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Meta sandbox's own settings (sandbox mode only).
 *
 * @param webhooks how the sandbox delivers Meta's webhooks to the product
 * @param graph how the sandbox's Graph API answers
 * @param templateReviewDelay how long Meta's automatic review of a new or edited template takes: the
 *     template reads PENDING until then, and the decision's webhooks are due then
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxSettings(
        @DefaultValue Webhooks webhooks,
        @DefaultValue Graph graph,
        @DefaultValue("5s") Duration templateReviewDelay) {

    /**
     * @param maxPageSize the most items one page of a list holds whatever {@code limit} asks: Meta may
     *     answer fewer than asked, and a small value makes clients show that they follow {@code paging.next}
     */
    public record Graph(
            @DefaultValue("100") @Min(1) @Max(100) int maxPageSize) {}

    /**
     * @param callbackUrl the app's callback URL (Meta's App Dashboard setting); by default the product's
     *     own {@code http://127.0.0.1:<local port>/webhooks/meta}
     * @param duplicates whether to deliver a webhook twice now and then, as Meta may (at-least-once)
     * @param duplicateChance with {@code duplicates}, the chance that a webhook is sent twice (0 to 1)
     * @param retryFirst the wait before the first retry of a delivery that did not get a 200
     * @param retryMax the longest wait between retries (the wait doubles from {@code retryFirst} up to it)
     * @param giveUpAfter how long a delivery is retried before it is given up (Meta: up to 7 days)
     * @param retryScale multiplies the three durations above: 0.001 turns minutes into tenths of seconds
     * @param connectTimeout how long to wait for a connection to the callback
     * @param readTimeout how long to wait for the callback's answer
     * @param pollInterval how often the sender looks for due deliveries
     * @param enabled whether this node sends deliveries at all (they are still recorded)
     */
    public record Webhooks(
            @Nullable URI callbackUrl,
            @DefaultValue("false") boolean duplicates,

            @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("1")
            double duplicateChance,

            @DefaultValue("1m") Duration retryFirst,
            @DefaultValue("4h") Duration retryMax,
            @DefaultValue("7d") Duration giveUpAfter,

            @DefaultValue("1") @DecimalMin("0.000001") @DecimalMax("1000")
            double retryScale,

            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("true") boolean enabled) {

        public Duration scaled(Duration duration) {
            return Duration.ofMillis(Math.max(1, Math.round(duration.toMillis() * retryScale)));
        }
    }
}
