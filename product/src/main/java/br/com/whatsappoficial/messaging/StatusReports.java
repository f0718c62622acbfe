package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.webhook.MessageStatusReported;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Applies a batch of Meta's statuses of the current store's messages in a few statements: the batch's
 * messages are locked at once, each status moves its message forward in memory in the order Meta's
 * reports reached us, and the rows, timelines, callbacks and customer links are then written in one JDBC
 * batch each. The outcome is the one applying them one by one would give (see {@code StatusBatchIT}).
 */
@Component
class StatusReports {

    /** Meta's error for a customer who stopped the business's marketing messages. */
    static final int MARKETING_STOPPED = 131050;

    private final ReportedMessages rows;
    private final ServiceWindows windows;
    private final OptOuts optOuts;
    private final MarketingHeldBack heldBack;
    private final StatusCallbacks callbacks;
    private final CallbackLog callbackLog;
    private final Clock clock;

    StatusReports(
            ReportedMessages rows,
            ServiceWindows windows,
            OptOuts optOuts,
            MarketingHeldBack heldBack,
            StatusCallbacks callbacks,
            CallbackLog callbackLog,
            Clock clock) {
        this.rows = rows;
        this.windows = windows;
        this.optOuts = optOuts;
        this.heldBack = heldBack;
        this.callbacks = callbacks;
        this.callbackLog = callbackLog;
        this.clock = clock;
    }

    /** A message of the batch as its statuses leave it, and what they changed. */
    private static final class Moving {

        final StoredMessage message;
        /** The statuses of this batch already applied to it. */
        final Set<String> seen = new HashSet<>();

        DeliveryStatus status;
        boolean accept;

        @Nullable
        String metaMessageId;

        @Nullable
        String waId;

        boolean changed;
        StoredMessage.@Nullable Failure failure;

        @Nullable
        String pricingCategory;

        @Nullable
        Boolean pricingBillable;

        Moving(StoredMessage message) {
            this.message = message;
            this.status = message.status();
        }
    }

    void apply(List<MessageStatusReported> reports) {
        Instant now = clock.instant();
        Map<MessageId, Moving> messages = lock(reports);
        Map<String, MessageId> byMetaId = new HashMap<>();
        messages.values().forEach(moving -> {
            if (moving.message.metaMessageId() != null) {
                byMetaId.put(moving.message.metaMessageId(), moving.message.id());
            }
        });
        List<Optional<Moving>> resolved = new ArrayList<>(reports.size());
        Map<ReportedMessages.TimelineKey, ReportedMessages.NewTimelineLine> lines = new LinkedHashMap<>();
        for (MessageStatusReported report : reports) {
            Optional<Moving> moving = Optional.ofNullable(report.bizOpaqueCallbackData())
                    .flatMap(MessageId::parse)
                    .map(messages::get)
                    .or(() -> Optional.ofNullable(byMetaId.get(report.messageId()))
                            .map(messages::get));
            resolved.add(moving);
            moving.ifPresent(ours -> lines.putIfAbsent(
                    new ReportedMessages.TimelineKey(ours.message.id(), report.status()),
                    new ReportedMessages.NewTimelineLine(ours.message.id(), report.status(), report.at())));
        }
        // The lines the timeline did not have yet: with the messages locked, nobody else adds any meanwhile.
        Set<ReportedMessages.TimelineKey> added = rows.addToTimelines(List.copyOf(lines.values()));
        List<CallbackLog.NewCallback> queued = new ArrayList<>();
        Supplier<Boolean> storeListens = SingletonSupplier.of(callbacks::storeListens);
        Map<String, Customer> links = new LinkedHashMap<>();
        for (int r = 0; r < reports.size(); r++) {
            MessageStatusReported report = reports.get(r);
            Optional<Moving> found = resolved.get(r);
            customerSignals(report, found.map(moving -> moving.message));
            if (found.isEmpty()) {
                // A message the API did not send (another tool of the merchant's): nothing of ours to move.
                continue;
            }
            Moving moving = found.get();
            if (moving.message.sending() != Sending.ACCEPTED && !moving.accept) {
                // Meta has it, whatever our call heard back (a lost answer, or this status came first).
                moving.accept = true;
                moving.metaMessageId = report.messageId();
                moving.waId = report.recipientId();
            }
            if (report.recipientUserId() != null && report.recipientId() != null) {
                links.putIfAbsent(report.recipientUserId(), Customer.ofWaId(report.recipientId()));
            }
            DeliveryStatus before = moving.status;
            DeliveryStatus next = before.after(report.status());
            StoredMessage.Failure failure =
                    next == DeliveryStatus.FAILED && before != DeliveryStatus.FAILED ? failure(report) : null;
            if (failure != null) {
                moving.failure = failure;
            }
            if (report.pricing() != null) {
                moving.pricingCategory =
                        report.pricing().category() != null ? report.pricing().category() : moving.pricingCategory;
                moving.pricingBillable =
                        report.pricing().billable() != null ? report.pricing().billable() : moving.pricingBillable;
            }
            moving.changed |= next != before || report.pricing() != null;
            boolean firstOfItsKind =
                    added.contains(new ReportedMessages.TimelineKey(moving.message.id(), report.status()))
                            && moving.seen.add(report.status());
            queued.addAll(callbacks.toQueue(
                    moving.message, before, next, report.status(), report.at(), firstOfItsKind, failure, storeListens));
            moving.status = next;
        }
        rows.acceptAll(
                messages.values().stream()
                        .filter(moving -> moving.accept)
                        .map(moving ->
                                new ReportedMessages.Acceptance(moving.message.id(), moving.metaMessageId, moving.waId))
                        .toList(),
                now);
        rows.updateStatuses(
                messages.values().stream()
                        .filter(moving -> moving.changed)
                        .map(moving -> new ReportedMessages.StatusChange(
                                moving.message.id(),
                                moving.status,
                                moving.failure,
                                moving.pricingCategory,
                                moving.pricingBillable))
                        .toList(),
                now);
        callbackLog.enqueueAll(queued, now);
        windows.linkAll(links);
    }

    /** The batch's messages of ours, locked in id order (two batches lock theirs without deadlocking). */
    private Map<MessageId, Moving> lock(List<MessageStatusReported> reports) {
        Set<MessageId> ids = new HashSet<>();
        Set<String> metaIds = new HashSet<>();
        for (MessageStatusReported report : reports) {
            Optional.ofNullable(report.bizOpaqueCallbackData())
                    .flatMap(MessageId::parse)
                    .ifPresentOrElse(ids::add, () -> metaIds.add(report.messageId()));
        }
        List<StoredMessage> locked = new ArrayList<>(rows.lockAll(ids));
        // Ids we gave Meta that are not ours after all (another tool's data) are looked up by Meta's id too.
        Set<MessageId> foundIds = new HashSet<>();
        locked.forEach(message -> foundIds.add(message.id()));
        for (MessageStatusReported report : reports) {
            Optional<MessageId> ours =
                    Optional.ofNullable(report.bizOpaqueCallbackData()).flatMap(MessageId::parse);
            if (ours.isPresent() && !foundIds.contains(ours.get())) {
                metaIds.add(report.messageId());
            }
        }
        locked.addAll(rows.lockAllByMetaId(metaIds));
        Map<MessageId, Moving> messages = new LinkedHashMap<>();
        for (StoredMessage message : locked) {
            messages.putIfAbsent(message.id(), new Moving(message));
        }
        return messages;
    }

    /** A customer who stopped marketing, or reached Meta's marketing limit, as this report says. */
    private void customerSignals(MessageStatusReported report, Optional<StoredMessage> ours) {
        if (report.errors().stream().anyMatch(error -> error.code() == MARKETING_STOPPED)) {
            customerOf(report, ours)
                    .ifPresent(customer -> optOuts.add(new OptOut(
                            customer,
                            OptOutSource.META_FAILED,
                            report.at(),
                            ours.map(message -> message.id().toString()).orElse(report.messageId()),
                            null)));
        }
        if (report.errors().stream().anyMatch(error -> error.code() == MarketingHeldBack.PER_USER_MARKETING_LIMIT)) {
            customerOf(report, ours).ifPresent(customer -> heldBack.refused(customer, report.at()));
        }
    }

    /** Whom a status is about: our message's customer, else the one Meta names. */
    private Optional<Customer> customerOf(MessageStatusReported report, Optional<StoredMessage> ours) {
        if (ours.isPresent()) {
            return Optional.of(ours.get().customer());
        }
        if (report.recipientId() != null) {
            return Optional.of(Customer.ofWaId(report.recipientId()));
        }
        return Optional.ofNullable(report.recipientUserId())
                .map(userId -> windows.linkedCustomer(userId).orElseGet(() -> Customer.ofUserId(userId)));
    }

    private static StoredMessage.Failure failure(MessageStatusReported report) {
        if (report.errors().isEmpty()) {
            return new StoredMessage.Failure("meta_failed", null, "failed", null);
        }
        MessageStatusReported.MessageError error = report.errors().getFirst();
        return new StoredMessage.Failure("meta_failed", error.code(), error.title(), error.details());
    }
}
