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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Processes a claimed batch of inbox events in one transaction: marks them done and publishes their
 * domain events as their stores, so that the effects, the event publication registry and the inbox agree
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

    void process(List<ClaimedEvent> claimed) {
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
                metrics.processed("quarantined");
            }
        }
        if (!parked.isEmpty()) {
            queue.park(parked);
            metrics.processed("parked", parked.size());
        }
        if (resolved.isEmpty()) {
            return;
        }
        try {
            apply(resolved);
        } catch (RuntimeException failure) {
            if (resolved.size() == 1) {
                failed(resolved.getFirst().claimed(), failure);
            } else {
                for (Resolved one : resolved) {
                    try {
                        apply(List.of(one));
                    } catch (RuntimeException alone) {
                        failed(one.claimed(), alone);
                    }
                }
            }
        }
    }

    /** Marks the events done and publishes those whose lease this worker still holds, all or nothing. */
    private void apply(List<Resolved> batch) {
        int[] outcome = transaction.execute(status -> {
            queue.commitWithoutWaitingForDisk();
            boolean[] done =
                    queue.markDone(batch.stream().map(Resolved::claimed).toList());
            Map<StoreId, List<Object>> byStore = new LinkedHashMap<>();
            int lost = 0;
            for (int i = 0; i < done.length; i++) {
                Resolved one = batch.get(i);
                if (!done[i]) {
                    // Another worker claimed it after our lease ran out: its processing counts, not ours.
                    lost++;
                } else if (one.event() != null) {
                    byStore.computeIfAbsent(one.store(), store -> new ArrayList<>())
                            .add(one.event());
                }
            }
            byStore.forEach((store, domainEvents) -> CurrentStore.runAs(store, () -> publish(store, domainEvents)));
            return new int[] {done.length - lost, lost};
        });
        metrics.processed("done", outcome[0]);
        metrics.processed("lease_lost", outcome[1]);
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
            metrics.processed("quarantined");
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
