package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import br.com.whatsappoficial.webhook.MarketingPreferencesChanged;
import br.com.whatsappoficial.webhook.MessageStatusReported;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What Meta tells about customers and messages, applied as the event's store: a customer's message
 * opens their window; a status moves our message forward (or only joins its timeline when it is late,
 * repeated or a status we do not know yet), and the store's status callbacks are queued with it. A stop
 * word alone, a send failed with 131050 and a marketing stop put the customer on the store's suppression
 * list; a marketing resume takes them off.
 */
@Component
class MetaReports {

    /** Meta's error for a customer who stopped the business's marketing messages. */
    static final int MARKETING_STOPPED = 131050;

    private final ServiceWindows windows;
    private final MessageRows rows;
    private final OptOuts optOuts;
    private final MarketingHeldBack heldBack;
    private final StatusCallbacks callbacks;
    private final Clock clock;

    MetaReports(
            ServiceWindows windows,
            MessageRows rows,
            OptOuts optOuts,
            MarketingHeldBack heldBack,
            StatusCallbacks callbacks,
            Clock clock) {
        this.heldBack = heldBack;
        this.windows = windows;
        this.rows = rows;
        this.optOuts = optOuts;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InboundMessageReceived message) {
        CurrentStore.runAs(message.store(), () -> {
            Customer customer;
            if (message.from() != null) {
                customer = Customer.ofWaId(message.from());
                if (message.fromUserId() != null) {
                    windows.link(message.fromUserId(), customer);
                }
            } else if (message.fromUserId() != null) {
                customer = windows.linkedCustomer(message.fromUserId())
                        .orElseGet(() -> Customer.ofUserId(message.fromUserId()));
            } else {
                return;
            }
            windows.customerWrote(message.phoneNumberId(), customer, message.sentAt());
            if ("text".equals(message.type()) && message.text() != null && StopWords.isStopCommand(message.text())) {
                optOuts.add(new OptOut(
                        customer, OptOutSource.STOP_WORD, message.sentAt(), message.messageId(), message.text()));
            }
        });
    }

    @ApplicationModuleListener
    void on(MarketingPreferencesChanged changed) {
        CurrentStore.runAs(changed.store(), () -> {
            for (MarketingPreferencesChanged.Preference preference : changed.preferences()) {
                Customer customer = Customer.ofWaId(preference.waId());
                if (preference.stop()) {
                    optOuts.add(new OptOut(customer, OptOutSource.META_PREFERENCES, preference.at(), null, null));
                } else if (preference.resume()) {
                    optOuts.lift(customer, preference.at(), "meta_preferences");
                }
            }
        });
    }

    @ApplicationModuleListener
    void on(MessageStatusReported report) {
        CurrentStore.runAs(report.store(), () -> apply(report));
    }

    private void apply(MessageStatusReported report) {
        Optional<StoredMessage> found = Optional.ofNullable(report.bizOpaqueCallbackData())
                .flatMap(MessageId::parse)
                .flatMap(rows::lock)
                .or(() -> rows.lockByMetaId(report.messageId()));
        if (report.errors().stream().anyMatch(error -> error.code() == MARKETING_STOPPED)) {
            customerOf(report, found)
                    .ifPresent(customer -> optOuts.add(new OptOut(
                            customer,
                            OptOutSource.META_FAILED,
                            report.at(),
                            found.map(message -> message.id().toString()).orElse(report.messageId()),
                            null)));
        }
        if (report.errors().stream().anyMatch(error -> error.code() == MarketingHeldBack.PER_USER_MARKETING_LIMIT)) {
            customerOf(report, found).ifPresent(customer -> heldBack.refused(customer, report.at()));
        }
        if (found.isEmpty()) {
            // A message the API did not send (another tool of the merchant's): nothing of ours to move.
            return;
        }
        StoredMessage message = found.get();
        Instant now = clock.instant();
        if (message.sending() != Sending.ACCEPTED) {
            // Meta has it, whatever our call heard back (a lost answer, or this status came first).
            rows.accepted(message.id(), report.messageId(), report.recipientId(), now);
        }
        if (report.recipientUserId() != null && report.recipientId() != null) {
            windows.link(report.recipientUserId(), Customer.ofWaId(report.recipientId()));
        }
        DeliveryStatus next = message.status().after(report.status());
        StoredMessage.Failure failure =
                next == DeliveryStatus.FAILED && message.status() != DeliveryStatus.FAILED ? failure(report) : null;
        StoredMessage.Pricing pricing = report.pricing() == null
                ? null
                : new StoredMessage.Pricing(
                        report.pricing().category(), report.pricing().billable());
        if (next != message.status() || pricing != null) {
            rows.updateStatus(message.id(), next, failure, pricing, now);
        }
        boolean firstOfItsKind = rows.addToTimeline(message.id(), report.status(), report.at());
        callbacks.recorded(message, next, report.status(), report.at(), firstOfItsKind, failure, now);
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
