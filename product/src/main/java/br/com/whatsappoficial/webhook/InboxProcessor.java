package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Processes a batch of inbox events in the transaction that locked them: marks them done and publishes
 * their domain events as their stores, so that the effects, the event publication registry and the inbox agree
 * after any crash. Statuses and customers' messages, most of Meta's traffic, go out as one event per
 * store and batch ({@link MessageStatusesReported}, {@link InboundMessagesReceived}) whose listeners write
 * in a few statements what the whole batch needs. When the batch's transaction fails, each event is
 * tried again alone, so that one poison event fails only itself.
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

    /** An event whose store is known, decoded into its domain event (absent for fields nobody uses). */
    private record Resolved(
            ClaimedEvent claimed, StoreId store, @Nullable Object event) {}

    /**
     * Locks up to {@code limit} due events and processes them in the same transaction; returns how many it
     * took. When that transaction fails, each event is tried again alone.
     */
    int processDue(int limit) {
        List<ClaimedEvent> taken = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status -> {
                queue.commitWithoutWaitingForDisk();
                taken.addAll(queue.lockDue(limit));
                process(taken);
            });
        } catch (RuntimeException failure) {
            if (taken.isEmpty()) {
                throw failure;
            }
            // Nothing of the batch was kept, its locks neither: each event alone, a failure recorded on itself.
            for (ClaimedEvent event : taken) {
                try {
                    transaction.executeWithoutResult(status -> {
                        queue.commitWithoutWaitingForDisk();
                        queue.lockAgain(event).ifPresent(again -> process(List.of(again)));
                    });
                } catch (RuntimeException alone) {
                    failed(event, alone);
                }
            }
        }
        return taken.size();
    }

    /**
     * Processes events locked in the current transaction: parks those of no known store, quarantines the
     * unreadable ones, marks the others done and publishes their domain events as their stores.
     */
    private void process(List<ClaimedEvent> claimed) {
        Stores stores = new Stores();
        List<Resolved> resolved = new ArrayList<>(claimed.size());
        List<InboxQueue.Parking> parked = new ArrayList<>();
        for (ClaimedEvent event : claimed) {
            try {
                Optional<StoreId> store = stores.of(event);
                if (store.isEmpty()) {
                    parking(event).ifPresent(parked::add);
                    continue;
                }
                resolved.add(new Resolved(
                        event,
                        store.get(),
                        InboxEventDecoder.decode(event.payload(), store.get()).orElse(null)));
            } catch (UnreadableEvent | JacksonException unreadable) {
                queue.quarantine(
                        event, QuarantineCause.UNREADABLE.reason(event.field() + " event: " + unreadable.getMessage()));
                afterCommit("quarantined", 1);
            }
        }
        if (!parked.isEmpty()) {
            queue.park(parked);
            afterCommit("parked", parked.size());
        }
        if (resolved.isEmpty()) {
            return;
        }
        boolean[] done = queue.markDone(resolved.stream().map(Resolved::claimed).toList());
        Map<StoreId, List<Object>> byStore = new LinkedHashMap<>();
        int marked = 0;
        for (int i = 0; i < done.length; i++) {
            Resolved one = resolved.get(i);
            if (done[i]) {
                marked++;
                if (one.event() != null) {
                    byStore.computeIfAbsent(one.store(), store -> new ArrayList<>())
                            .add(one.event());
                }
            }
        }
        byStore.forEach((store, domainEvents) -> CurrentStore.runAs(store, () -> publish(store, domainEvents)));
        afterCommit("done", marked);
    }

    /** Counts processed events once their transaction committed: a rolled back batch counted nothing. */
    private void afterCommit(String outcome, int count) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                metrics.processed(outcome, count);
            }
        });
    }

    private void publish(StoreId store, List<Object> domainEvents) {
        List<InboundMessageReceived> inbound = new ArrayList<>();
        List<MessageStatusReported> statuses = new ArrayList<>();
        for (Object event : domainEvents) {
            switch (event) {
                case InboundMessageReceived message -> inbound.add(message);
                case MessageStatusReported status -> statuses.add(status);
                default -> events.publishEvent(event);
            }
        }
        // Customers' messages first: a status of a reply to one of them then finds its window open.
        if (!inbound.isEmpty()) {
            events.publishEvent(new InboundMessagesReceived(store, inbound));
        }
        if (!statuses.isEmpty()) {
            events.publishEvent(new MessageStatusesReported(store, statuses));
        }
    }

    private void failed(ClaimedEvent event, RuntimeException failure) {
        if (event.attempts() >= settings.maxAttempts()) {
            queue.quarantine(
                    event, QuarantineCause.EXHAUSTED.reason(event.attempts() + " times, last: " + describe(failure)));
            metrics.processed("quarantined");
        } else {
            queue.retryLater(event, settings.retryDelay(event.attempts()), describe(failure));
            metrics.processed("retried");
        }
        log.warn("Webhook event {} failed (attempt {})", event.id(), event.attempts(), failure);
    }

    /**
     * Which store owns an event's number or WABA, each id looked up once per batch: a batch is mostly one
     * number's traffic.
     */
    private final class Stores {

        private final Map<String, Optional<StoreId>> byNumber = new HashMap<>();
        private final Map<String, Optional<StoreId>> byWaba = new HashMap<>();

        /**
         * The number's store first (messages carry {@code phone_number_id}), else the WABA's; an
         * {@code account_update} names its WABA in {@code waba_info} (its entry id may be the partner's).
         */
        Optional<StoreId> of(ClaimedEvent event) {
            if (event.phoneNumberId() != null) {
                Optional<StoreId> store = byNumber.computeIfAbsent(event.phoneNumberId(), accounts::storeOfPhoneNumber);
                if (store.isPresent()) {
                    return store;
                }
            }
            Optional<StoreId> store = event.wabaId() == null ? Optional.empty() : waba(event.wabaId());
            if (store.isEmpty() && "account_update".equals(event.field())) {
                return InboxEventDecoder.wabaInfo(event.payload()).flatMap(this::waba);
            }
            return store;
        }

        private Optional<StoreId> waba(String wabaId) {
            return byWaba.computeIfAbsent(wabaId, accounts::storeOfWaba);
        }
    }

    /** When to look at an event of no known store again; empty when it waited long enough (quarantined). */
    private Optional<InboxQueue.Parking> parking(ClaimedEvent event) {
        Duration waited = Duration.between(event.receivedAt().toInstant(), clock.instant());
        String unknown = "WABA " + event.wabaId() + " or number " + event.phoneNumberId();
        if (waited.compareTo(settings.parkFor()) >= 0) {
            queue.quarantine(event, QuarantineCause.UNKNOWN_STORE.reason(unknown));
            afterCommit("quarantined", 1);
            return Optional.empty();
        }
        // Look again after as long as it waited so far (at least the first retry delay, at most the longest);
        // a store that connects the WABA releases its events at once.
        Duration delay = waited.compareTo(settings.firstRetryDelay()) < 0 ? settings.firstRetryDelay() : waited;
        return Optional.of(new InboxQueue.Parking(
                event,
                delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay,
                QuarantineCause.UNKNOWN_STORE.reason(unknown + " yet")));
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
