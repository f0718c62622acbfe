package br.com.whatsappoficial.autoreply;

import br.com.whatsappoficial.autoreply.Decision.Reason;
import br.com.whatsappoficial.messaging.AppEchoes;
import br.com.whatsappoficial.messaging.ServiceReplies;
import br.com.whatsappoficial.messaging.ServiceReplyRefused;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import br.com.whatsappoficial.webhook.InboundMessagesReceived;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides on each customer message, as its store, whether it gets the automatic reply, queues the reply
 * through the messaging outbox when it does, and keeps the decision either way. A message is decided once,
 * however often its webhook arrives and on however many nodes.
 */
@Component
class AutoReplies {

    private static final Logger log = LoggerFactory.getLogger(AutoReplies.class);

    private final SavedSettings settings;
    private final ReplyHistory history;
    private final ServiceReplies replies;
    private final AppEchoes fromApp;
    private final Clock clock;

    AutoReplies(SavedSettings settings, ReplyHistory history, ServiceReplies replies, AppEchoes fromApp, Clock clock) {
        this.fromApp = fromApp;
        this.settings = settings;
        this.history = history;
        this.replies = replies;
        this.clock = clock;
    }

    /**
     * Runs in the inbox's transaction after messaging's own listener (ordered first) has opened the
     * windows these messages open; a store whose automatic reply is off pays nothing per message.
     */
    @EventListener
    void on(InboundMessagesReceived received) {
        CurrentStore.runAs(received.store(), () -> {
            Optional<AutoReplySettings> current = settings.find().filter(AutoReplySettings::enabled);
            if (current.isEmpty()) {
                return;
            }
            // Customer by customer, each one's messages in their order: two batches lock customers alike.
            received.messages().stream()
                    .flatMap(message -> CustomerKey.of(message).map(customer -> Map.entry(customer, message)).stream())
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(CustomerKey::value)))
                    .forEach(each -> decide(each.getValue(), each.getKey(), current.get()));
        });
    }

    private void decide(InboundMessageReceived message, CustomerKey customer, AutoReplySettings current) {
        history.lockCustomer(customer);
        if (history.decided(message.messageId())) {
            return;
        }
        Instant now = clock.instant();
        CustomerHistory known = history.of(customer, message.messageId(), message.sentAt());
        if (message.from() != null) {
            known = known.withHumanAnswerAt(
                    fromApp.lastFromApp(message.phoneNumberId(), message.from()).orElse(null));
        }
        Decision decision = AutoReplyPolicy.decide(current, message, known, now);
        Reason reason = decision.reason();
        UUID reply = null;
        String url = null;
        if (decision.answers()) {
            url = current.buttonUrl();
            try {
                reply = replies.replyWithLink(
                        message, current.text().value(), current.buttonLabel().value(), url);
            } catch (ServiceReplyRefused refused) {
                reason = switch (refused.reason()) {
                    case WINDOW_CLOSED, UNKNOWN_CUSTOMER -> Reason.WINDOW_CLOSED;
                    case OPTED_OUT -> Reason.OPTED_OUT;
                    case NUMBER_NOT_READY -> Reason.NUMBER_NOT_READY;
                };
                url = null;
                log.info("The automatic reply to message {} was not queued: {}", message.messageId(), refused.reason());
            }
        }
        history.record(
                new ReplyHistory.Entry(
                        message.messageId(),
                        customer,
                        message.type(),
                        excerpt(message.text()),
                        message.sentAt(),
                        now,
                        reason,
                        reply,
                        url),
                decision.quickAnswer(),
                message.phoneNumberId());
    }

    private static @Nullable String excerpt(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= ReplyHistory.EXCERPT ? line : line.substring(0, ReplyHistory.EXCERPT - 1) + "…";
    }
}
