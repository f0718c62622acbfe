package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention on PostgreSQL. Its clock runs a year ahead of the test contexts sharing the database: the
 * rows written here lie in their future, where their workers and resubmission leave them alone, while
 * whatever those leave behind is long expired here and cleared before each test.
 */
@PostgresIntegrationTest
class WebhookRetentionIT {

    static final Clock YEAR_AHEAD = Clock.offset(Clock.systemUTC(), Duration.ofDays(365));
    static final Duration WEEK = Duration.ofDays(7);
    static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    TransactionTemplate transaction;

    AgedRows rows;
    Instant now;

    @BeforeEach
    void nothingExpiredLeft() {
        WebhookRetention clearing = retention(Map.of(), new SimpleMeterRegistry());
        WebhookRetention.Deleted cleared;
        do {
            cleared = clearing.deleteExpired();
        } while (cleared.doneEvents() + cleared.publications() > 0);
        rows = new AgedRows(jdbc);
        now = YEAR_AHEAD.instant();
    }

    @Test
    void deletesDoneEventsOnlyOnceMetaCanNoLongerRedeliverThem() {
        String expired = rows.done(now.minus(WEEK).minus(HOUR));
        String recent = rows.done(now.minus(WEEK).plus(HOUR));
        // Processed long after its lease ran out: its processing time counts, not its lease's.
        String doneLate = rows.event(
                InboxState.DONE, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(30)), now.minus(HOUR));
        Instant longAgo = now.minus(Duration.ofDays(300));
        Instant tomorrow = now.plus(Duration.ofDays(1));
        String quarantined = rows.event(InboxState.QUARANTINED, longAgo, longAgo, null);
        String quarantinedAfterProcessing = rows.event(InboxState.QUARANTINED, longAgo, longAgo, longAgo);
        String parked = rows.event(InboxState.PARKED, longAgo, tomorrow, null);
        String pending = rows.event(InboxState.PENDING, longAgo, tomorrow, null);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        WebhookRetention.Deleted deleted = retention(Map.of(), meters).deleteExpired();

        assertThat(rows.eventKept(expired)).isFalse();
        assertThat(List.of(recent, doneLate, quarantined, quarantinedAfterProcessing, parked, pending))
                .allMatch(rows::eventKept);
        assertThat(deleted.doneEvents()).isPositive();
        assertThat(deletedCount(meters, "inbox")).isEqualTo(deleted.doneEvents());
    }

    @Test
    void deletesInBoundedBatchesAndTheNextRunGoesOn() {
        List<String> expired = IntStream.range(0, 8)
                .mapToObj(i -> rows.done(now.minus(WEEK).minus(Duration.ofMinutes(10 + i))))
                .toList();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        WebhookRetention twoBatchesOfThree =
                retention(Map.of("webhook.retention-batch-size", "3", "webhook.retention-max-batches", "2"), meters);

        assertThat(twoBatchesOfThree.deleteExpired().doneEvents()).isEqualTo(6);
        assertThat(deletedCount(meters, "inbox")).isEqualTo(6);
        assertThat(expired).filteredOn(rows::eventKept).hasSize(2);

        assertThat(twoBatchesOfThree.deleteExpired().doneEvents()).isBetween(2L, 6L);
        assertThat(expired).noneMatch(rows::eventKept);
    }

    @Test
    void deletesCompletedPublicationsPastTheirKeepAndNeverIncompleteOnes() {
        Instant longAgo = now.minus(Duration.ofDays(300));
        UUID completed = rows.publication("COMPLETED", longAgo, now.minus(WEEK).minus(HOUR));
        // Completed before Modulith recorded a status (schema v1): Modulith's own deletion takes those too.
        UUID completedWithoutStatus =
                rows.publication(null, longAgo, now.minus(WEEK).minus(HOUR));
        UUID recentlyCompleted =
                rows.publication("COMPLETED", longAgo, now.minus(WEEK).plus(HOUR));
        List<UUID> incomplete = List.of(
                rows.publication("PUBLISHED", longAgo, null),
                rows.publication("PROCESSING", longAgo, null),
                rows.publication("FAILED", longAgo, null),
                rows.publication("RESUBMITTED", longAgo, null));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        WebhookRetention.Deleted deleted =
                retention(Map.of("webhook.retention-batch-size", "1"), meters).deleteExpired();

        assertThat(rows.publicationKept(completed)).isFalse();
        assertThat(rows.publicationKept(completedWithoutStatus)).isFalse();
        assertThat(rows.publicationKept(recentlyCompleted)).isTrue();
        assertThat(incomplete).allMatch(rows::publicationKept);
        assertThat(deleted.publications()).isGreaterThanOrEqualTo(2);
        assertThat(deletedCount(meters, "publications")).isEqualTo(deleted.publications());
    }

    @Test
    void twoNodesAtOnceShareTheWorkWithoutFailing() {
        List<String> expired = IntStream.range(0, 60)
                .mapToObj(i -> rows.done(now.minus(WEEK).minus(Duration.ofMinutes(10 + i))))
                .toList();
        Map<String, String> smallBatches = Map.of("webhook.retention-batch-size", "4");
        WebhookRetention node1 = retention(smallBatches, new SimpleMeterRegistry());
        WebhookRetention node2 = retention(smallBatches, new SimpleMeterRegistry());

        CompletableFuture<WebhookRetention.Deleted> first = CompletableFuture.supplyAsync(node1::deleteExpired);
        CompletableFuture<WebhookRetention.Deleted> second = CompletableFuture.supplyAsync(node2::deleteExpired);

        long deleted = first.join().doneEvents() + second.join().doneEvents();
        assertThat(expired).noneMatch(rows::eventKept);
        assertThat(deleted).isGreaterThanOrEqualTo(expired.size());
    }

    /** Retention as a node with these settings (defaults otherwise) would run it, a year ahead. */
    WebhookRetention retention(Map<String, String> properties, MeterRegistry meters) {
        return retention(named, transaction, properties, meters);
    }

    static WebhookRetention retention(
            NamedParameterJdbcTemplate named,
            TransactionTemplate transaction,
            Map<String, String> properties,
            MeterRegistry meters) {
        WebhookSettings settings = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("webhook", Bindable.of(WebhookSettings.class));
        return new WebhookRetention(named, transaction, settings, new WebhookMetrics(meters), YEAR_AHEAD);
    }

    static long deletedCount(MeterRegistry meters, String what) {
        return (long) meters.get("webhook.retention.deleted")
                .tag("what", what)
                .counter()
                .count();
    }
}
