package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import br.com.whatsappoficial.webhook.MessageStatusReported;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What Meta tells about customers and messages, applied as the event's store: a customer's message
 * opens their window; a status moves our message forward (or only joins its timeline when it is late,
 * repeated or a status we do not know yet), and the store's status callbacks are queued with it.
 */
@Component
class MetaReports {

    private final ServiceWindows windows;
    private final MessageRows rows;
    private final StatusCallbacks callbacks;
    private final Clock clock;

    MetaReports(ServiceWindows windows, MessageRows rows, StatusCallbacks callbacks, Clock clock) {
        this.windows = windows;
        this.rows = rows;
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

    private static StoredMessage.Failure failure(MessageStatusReported report) {
        if (report.errors().isEmpty()) {
            return new StoredMessage.Failure("meta_failed", null, "failed", null);
        }
        MessageStatusReported.MessageError error = report.errors().getFirst();
        return new StoredMessage.Failure("meta_failed", error.code(), error.title(), error.details());
    }
}
