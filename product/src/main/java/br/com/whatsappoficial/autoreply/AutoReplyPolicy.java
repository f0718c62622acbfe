package br.com.whatsappoficial.autoreply;

import br.com.whatsappoficial.autoreply.Decision.Reason;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a customer's message gets the store's automatic reply: the merchant's rule, and the guards that
 * keep two robots from talking to each other forever or a customer from being answered over and over.
 */
final class AutoReplyPolicy {

    /** More replies than this to one customer in 24 h is a back-and-forth no merchant wants automated. */
    static final int MOST_REPLIES_PER_DAY = 3;

    /** A person does not read a reply and answer it this fast; another automated sender does. */
    static final Duration QUICK_ANSWER = Duration.ofSeconds(2);

    /**
     * After the merchant answers a customer from the WhatsApp Business app, the robot keeps out of that
     * conversation this long: the customer's next messages are for the person who is talking to them.
     */
    static final Duration HUMAN_CONVERSATION = Duration.ofHours(2);

    /** Meta's timestamps have whole seconds, so a quick answer may seem up to a second older than our reply. */
    private static final Duration CLOCK_GRAIN = Duration.ofSeconds(1);

    /** Message kinds that are no words of a customer: a reaction to a message, Meta's own notices. */
    private static final Set<String> NOT_A_CONVERSATION = Set.of("reaction", "system", "unsupported", "ephemeral");

    private AutoReplyPolicy() {}

    static Decision decide(
            @Nullable AutoReplySettings settings,
            InboundMessageReceived message,
            CustomerHistory history,
            Instant now) {
        Instant sentAt = message.sentAt();
        boolean quick = history.lastReplyAt() != null
                && !sentAt.isBefore(history.lastReplyAt().minus(CLOCK_GRAIN))
                && !sentAt.isAfter(history.lastReplyAt().plus(QUICK_ANSWER));
        return new Decision(reason(settings, message, history, now, quick), quick);
    }

    private static Reason reason(
            @Nullable AutoReplySettings settings,
            InboundMessageReceived message,
            CustomerHistory history,
            Instant now,
            boolean quick) {
        if (settings == null || !settings.enabled()) {
            return Reason.OFF;
        }
        Instant sentAt = message.sentAt();
        if (NOT_A_CONVERSATION.contains(message.type())) {
            return Reason.NOT_A_CONVERSATION;
        }
        if (!now.isBefore(sentAt.plus(Duration.ofHours(24)))) {
            // A webhook held up for a day: the window it opened is already closed.
            return Reason.WINDOW_CLOSED;
        }
        if (message.text() != null && sameWords(message.text(), settings.text().value())) {
            return Reason.ECHO;
        }
        if (history.humanAnsweredAt() != null
                && sentAt.isBefore(history.humanAnsweredAt().plus(HUMAN_CONVERSATION))) {
            return Reason.HUMAN_ANSWERED;
        }
        if (quick && history.quickAnswersInLastDay() >= 1) {
            return Reason.AUTOMATED_SENDER;
        }
        if (history.lastReplyAt() != null
                && sentAt.isBefore(history.lastReplyAt().plus(settings.coolDown()))) {
            return Reason.COOL_DOWN;
        }
        if (history.repliesInLastDay() >= MOST_REPLIES_PER_DAY) {
            return Reason.DAILY_CAP;
        }
        return switch (settings.mode()) {
            case ALWAYS -> Reason.ANSWERED;
            case OUTSIDE_BUSINESS_HOURS -> {
                if (settings.hours().openAt(sentAt)) {
                    yield Reason.IN_BUSINESS_HOURS;
                }
                yield settings.hours().holiday(sentAt) ? Reason.ANSWERED_ON_HOLIDAY : Reason.ANSWERED_OUTSIDE_HOURS;
            }
            case FIRST_MESSAGE ->
                history.previousMessageAt() != null
                                && history.previousMessageAt().isAfter(sentAt.minus(Duration.ofHours(24)))
                        ? Reason.NOT_FIRST_MESSAGE
                        : Reason.ANSWERED_FIRST_MESSAGE;
        };
    }

    /** The same words, whatever the case and spacing: how our reply looks when another robot sends it back. */
    private static boolean sameWords(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
