package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import br.com.whatsappoficial.webhook.InboundMessagesReceived;
import br.com.whatsappoficial.webhook.MarketingPreferencesChanged;
import br.com.whatsappoficial.webhook.MessageStatusesReported;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What Meta tells about customers and messages, applied as the event's store: a customer's message
 * opens their window; a status moves our message forward (or only joins its timeline when it is late,
 * repeated or a status we do not know yet), and the store's status callbacks are queued with it. A stop
 * word alone, a send failed with 131050 and a marketing stop put the customer on the store's suppression
 * list; a marketing resume takes them off. Messages and statuses are applied a batch at a time inside
 * the inbox's transaction, before the other modules' listeners (an auto-reply needs the window its
 * message opened).
 */
@Component
class MetaReports {

    /** Where this module's listeners run among those of a batch: first. */
    static final int FIRST = 0;

    private final ServiceWindows windows;
    private final OptOuts optOuts;
    private final StatusReports statuses;

    MetaReports(ServiceWindows windows, OptOuts optOuts, StatusReports statuses) {
        this.windows = windows;
        this.optOuts = optOuts;
        this.statuses = statuses;
    }

    @EventListener
    @Order(FIRST)
    void on(InboundMessagesReceived received) {
        CurrentStore.runAs(received.store(), () -> {
            Map<String, Customer> links = new LinkedHashMap<>();
            Map<ServiceWindows.Writer, Instant> latest = new HashMap<>();
            for (InboundMessageReceived message : received.messages()) {
                Customer customer;
                if (message.from() != null) {
                    customer = Customer.ofWaId(message.from());
                    if (message.fromUserId() != null) {
                        links.putIfAbsent(message.fromUserId(), customer);
                    }
                } else if (message.fromUserId() != null) {
                    Customer linked = links.get(message.fromUserId());
                    customer = linked != null
                            ? linked
                            : windows.linkedCustomer(message.fromUserId())
                                    .orElseGet(() -> Customer.ofUserId(message.fromUserId()));
                } else {
                    continue;
                }
                latest.merge(
                        new ServiceWindows.Writer(message.phoneNumberId(), customer),
                        message.sentAt(),
                        (a, b) -> a.isAfter(b) ? a : b);
                if ("text".equals(message.type())
                        && message.text() != null
                        && StopWords.isStopCommand(message.text())) {
                    optOuts.add(new OptOut(
                            customer, OptOutSource.STOP_WORD, message.sentAt(), message.messageId(), message.text()));
                }
            }
            windows.linkAll(links);
            windows.customersWrote(latest);
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

    @EventListener
    @Order(FIRST)
    void on(MessageStatusesReported reported) {
        CurrentStore.runAs(reported.store(), () -> statuses.apply(reported.statuses()));
    }
}
