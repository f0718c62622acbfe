package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.CrossStore;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what no longer needs keeping, so that the inbox and the event publication registry do not
 * grow without bound at Meta's rates: processed events once no redelivery of theirs can arrive, and
 * publications whose listener finished. Quarantined, parked and pending events are never deleted.
 *
 * <p>Each statement deletes one bounded batch in its own short transaction, so a long backlog never
 * becomes one huge transaction. Nodes running it at once lock different rows ({@code SKIP LOCKED}):
 * none waits for another or fails, and no row is deleted twice.
 */
@Component
@CrossStore("retention deletes processed webhooks and completed publications of every store by age")
class WebhookRetention {

    private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);

    // "= any(array(subquery))" rather than "in (subquery)": PostgreSQL then deletes through the primary
    // key instead of hashing a scan of the whole table. The rows are found through webhook_inbox_due_idx,
    // as a done event's next_attempt_at is when it was done (InboxQueue.markDone); processed_at is
    // checked too for events done before that was so. H2 (PostgreSQL mode) runs the same statement but
    // evaluates the subquery twice, hence an order without ties: both evaluations pick the same rows.
    private static final String DONE_EVENTS = """
            delete from webhook_inbox where id = any(array(
                select id from webhook_inbox
                where state = 'DONE' and next_attempt_at < :cutoff and processed_at < :cutoff
                order by next_attempt_at, id
                limit :batch
                for update skip locked))""";

    // Modulith's own CompletedEventPublications.deletePublicationsOlderThan is one unbounded statement
    // and returns no count; this is its condition (completion mode UPDATE), a batch at a time, through
    // event_publication_by_completion_date_idx.
    private static final String COMPLETED_PUBLICATIONS = """
            delete from event_publication where id = any(array(
                select id from event_publication
                where completion_date < :cutoff and (status = 'COMPLETED' or status is null)
                order by completion_date, id
                limit :batch
                for update skip locked))""";

    /** What one run deleted. */
    record Deleted(long doneEvents, long publications) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final WebhookSettings settings;
    private final WebhookMetrics metrics;
    private final Clock clock;

    WebhookRetention(
            NamedParameterJdbcTemplate jdbc,
            TransactionTemplate transaction,
            WebhookSettings settings,
            WebhookMetrics metrics,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${webhook.retention-every:1h}")
    void onSchedule() {
        if (!settings.retentionEnabled()) {
            return;
        }
        try {
            Deleted deleted = deleteExpired();
            if (deleted.doneEvents() > 0 || deleted.publications() > 0) {
                log.info(
                        "Webhook retention deleted {} processed events and {} completed publications",
                        deleted.doneEvents(),
                        deleted.publications());
            }
        } catch (DataAccessException e) {
            // Typically the database is down; the batches deleted so far stay deleted, the next run goes on.
            log.warn("Webhook retention stopped early: {}", e.getMessage());
        }
    }

    /** One run: for each table, batches until one comes back short or the run's batches are used up. */
    Deleted deleteExpired() {
        Instant now = clock.instant();
        long doneEvents = deleteInBatches(DONE_EVENTS, now.minus(settings.keepDoneFor()), metrics::doneEventsDeleted);
        long publications = deleteInBatches(
                COMPLETED_PUBLICATIONS,
                now.minus(settings.keepCompletedPublicationsFor()),
                metrics::publicationsDeleted);
        return new Deleted(doneEvents, publications);
    }

    private long deleteInBatches(String delete, Instant cutoff, LongConsumer counted) {
        MapSqlParameterSource batch = new MapSqlParameterSource()
                .addValue("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .addValue("batch", settings.retentionBatchSize());
        long total = 0;
        for (int i = 0; i < settings.retentionMaxBatches(); i++) {
            int deleted = transaction.execute(status -> jdbc.update(delete, batch));
            counted.accept(deleted);
            total += deleted;
            // Short: nothing older is left, or another node holds the rest.
            if (deleted < settings.retentionBatchSize()) {
                break;
            }
        }
        return total;
    }
}
