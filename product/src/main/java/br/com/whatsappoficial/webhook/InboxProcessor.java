package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Processes one claimed inbox event as its store: publishes its domain event and marks it done in the
 * same transaction, so that the event publication registry and the inbox agree after any crash.
 */
@Component
class InboxProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);

    private final InboxQueue queue;
    private final StoreOfMetaIds accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final WebhookSettings settings;
    private final WebhookMetrics metrics;
    private final Clock clock;

    InboxProcessor(
            InboxQueue queue,
            StoreOfMetaIds accounts,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            WebhookSettings settings,
            WebhookMetrics metrics,
            Clock clock) {
        this.queue = queue;
        this.accounts = accounts;
        this.events = events;
        this.transaction = transaction;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    void process(ClaimedEvent event) {
        Optional<StoreId> store = storeOf(event);
        if (store.isEmpty()) {
            park(event);
            return;
        }
        try {
            boolean done = transaction.execute(status -> CurrentStore.callAs(store.get(), () -> {
                InboxEventDecoder.decode(event.payload(), store.get()).ifPresent(events::publishEvent);
                if (!queue.markDone(event)) {
                    // Another worker claimed it after our lease ran out: its processing counts, not ours.
                    status.setRollbackOnly();
                    return false;
                }
                return true;
            }));
            metrics.processed(done ? "done" : "lease_lost");
        } catch (UnreadableEvent | JacksonException unreadable) {
            queue.quarantine(
                    event, QuarantineCause.UNREADABLE.reason(event.field() + " event: " + unreadable.getMessage()));
            metrics.processed("quarantined");
        } catch (RuntimeException failure) {
            if (event.attempts() >= settings.maxAttempts()) {
                queue.quarantine(
                        event,
                        QuarantineCause.EXHAUSTED.reason(event.attempts() + " times, last: " + describe(failure)));
                metrics.processed("quarantined");
            } else {
                queue.retryLater(event, settings.retryDelay(event.attempts()), describe(failure));
                metrics.processed("retried");
            }
            log.warn("Webhook event {} failed (attempt {})", event.id(), event.attempts(), failure);
        }
    }

    /**
     * The number's store first (messages carry {@code phone_number_id}), else the WABA's; an
     * {@code account_update} names its WABA in {@code waba_info} (its entry id may be the partner's).
     */
    private Optional<StoreId> storeOf(ClaimedEvent event) {
        if (event.phoneNumberId() != null) {
            Optional<StoreId> byNumber = accounts.storeOfPhoneNumber(event.phoneNumberId());
            if (byNumber.isPresent()) {
                return byNumber;
            }
        }
        Optional<StoreId> byWaba = event.wabaId() == null ? Optional.empty() : accounts.storeOfWaba(event.wabaId());
        if (byWaba.isEmpty() && "account_update".equals(event.field())) {
            return InboxEventDecoder.wabaInfo(event.payload()).flatMap(accounts::storeOfWaba);
        }
        return byWaba;
    }

    private static String unknownIds(ClaimedEvent event) {
        return "WABA " + event.wabaId() + " or number " + event.phoneNumberId();
    }

    private void park(ClaimedEvent event) {
        Duration waited = Duration.between(event.receivedAt().toInstant(), clock.instant());
        if (waited.compareTo(settings.parkFor()) >= 0) {
            queue.quarantine(event, QuarantineCause.UNKNOWN_STORE.reason(unknownIds(event)));
            metrics.processed("quarantined");
            return;
        }
        // Look again after as long as it waited so far (at least the first retry delay, at most the longest).
        Duration delay = waited.compareTo(settings.firstRetryDelay()) < 0 ? settings.firstRetryDelay() : waited;
        queue.park(
                event,
                delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay,
                QuarantineCause.UNKNOWN_STORE.reason(unknownIds(event) + " yet"));
        metrics.processed("parked");
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
