package br.com.whatsappoficial.webhook;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How webhooks are received and processed. The current app secret is {@code meta.app-secret}.
 *
 * @param previousAppSecret the secret before a rotation, accepted until every Meta retry signed with
 *     it is over (Meta retries for up to 7 days)
 * @param maxBodyBytes bodies over this are refused with 413; Meta sends at most 3 MB per POST
 * @param maxConcurrentReads how many POSTs of this node may be reading their bodies at once; one more
 *     is answered 503 at once (Meta retries) rather than queued behind slow senders
 * @param bodyReadTimeout the longest a POST may take to send its body; a slower one is answered 408 and
 *     its connection closed, so that a body sent a byte at a time cannot hold a reader
 * @param inboxWriters how many group commits of this node may be in flight at once (one connection
 *     each); one by default: a second one splits the waiting POSTs into smaller commits, which cost the
 *     node and the database more per event (about 1.5 times the CPU in {@code bench/run})
 * @param workersEnabled whether this node processes the inbox (tests turn it off to look at rows)
 * @param workers how many workers of this node claim and process events side by side
 * @param pollInterval how often an idle worker looks for due events
 * @param batchSize how many events a worker claims at once
 * @param maxAttempts failed processing attempts before an event is quarantined
 * @param firstRetryDelay the delay after the first failure, doubled after each one
 * @param maxRetryDelay the longest delay between attempts
 * @param parkFor how long an event of an unknown WABA or number is kept for its store to appear
 *     (onboarding may record the number after Meta's first webhooks) before it is quarantined
 * @param keepDoneFor how long a processed event stays in the inbox after it was done: its idempotency
 *     key must outlive every redelivery, and Meta redelivers for up to 7 days, so never less
 * @param keepCompletedPublicationsFor how long the event publication registry keeps a publication
 *     whose listener finished (incomplete ones are kept until they complete)
 * @param retentionEnabled whether this node deletes expired rows every {@code webhook.retention-every}
 * @param retentionBatchSize rows one delete statement takes, each in its own short transaction
 * @param retentionMaxBatches delete statements per table in one run; the next run continues a longer
 *     backlog
 * @param supportUsername the platform support user of the quarantine endpoint (HTTP Basic)
 * @param supportPasswordHash its password as a Spring Security hash, e.g. {@code {bcrypt}$2a$10$...}
 */
@Validated
@ConfigurationProperties("webhook")
public record WebhookSettings(
        @Nullable String previousAppSecret,
        @DefaultValue("3MB") @NotNull DataSize maxBodyBytes,
        @DefaultValue("64") @Min(1) int maxConcurrentReads,
        @DefaultValue("10s") @NotNull Duration bodyReadTimeout,
        @DefaultValue("1") @Min(1) int inboxWriters,
        @DefaultValue("true") boolean workersEnabled,
        @DefaultValue("4") @Min(1) int workers,
        @DefaultValue("200ms") @NotNull Duration pollInterval,
        @DefaultValue("100") @Min(1) int batchSize,
        @DefaultValue("10") @Min(1) int maxAttempts,
        @DefaultValue("2s") @NotNull Duration firstRetryDelay,
        @DefaultValue("1h") @NotNull Duration maxRetryDelay,
        @DefaultValue("7d") @NotNull Duration parkFor,

        @DefaultValue("7d")
        @NotNull
        @DurationMin(
                days = 7,
                message = "must be at least 7 days: Meta redelivers a webhook for up to 7 days and its"
                        + " idempotency key must outlive every redelivery")
        Duration keepDoneFor,

        @DefaultValue("7d") @NotNull Duration keepCompletedPublicationsFor,
        @DefaultValue("true") boolean retentionEnabled,
        @DefaultValue("5000") @Min(1) int retentionBatchSize,
        @DefaultValue("1000") @Min(1) int retentionMaxBatches,
        @Nullable String supportUsername,
        @Nullable String supportPasswordHash) {

    /** Connections a pool keeps beyond the workers' and writers' (see {@link #minimumPoolSize()}). */
    static final int SPARE_CONNECTIONS = 2;

    boolean supportConfigured() {
        return supportUsername != null
                && !supportUsername.isBlank()
                && supportPasswordHash != null
                && !supportPasswordHash.isBlank();
    }

    /**
     * The smallest connection pool that serves this node's workers: each holds its connection while its
     * after-commit listeners take a second one, each inbox writer holds one, and {@link
     * #SPARE_CONNECTIONS} are left for web requests and scheduled jobs. A smaller pool starves the
     * listeners under load.
     */
    int minimumPoolSize() {
        return 2 * workers + inboxWriters + SPARE_CONNECTIONS;
    }

    /** Exponential backoff: the delay before the next attempt once {@code failures} attempts failed. */
    Duration retryDelay(int failures) {
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    @Override
    public String toString() {
        return "WebhookSettings[maxBodyBytes=%s, workersEnabled=%s, pollInterval=%s, batchSize=%s, maxAttempts=%s]"
                .formatted(maxBodyBytes, workersEnabled, pollInterval, batchSize, maxAttempts);
    }
}
