package br.com.metasandbox.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What becomes of a message the product sent, told by its status webhooks. A customer's outcome is scripted
 * on the console, else chosen by the last digits of the customer's number (the sandbox's rules, listed on the
 * console's delivery page), else it is {@link #READ}. The failures carry Meta's code, title and details [doc
 * error-codes]; which of them Meta also answers synchronously is not said per code, the sandbox sends them all
 * as a failed status.
 */
public enum DeliveryOutcome {
    /** sent, delivered, read: what usually happens. */
    READ(null, null),
    /** sent and delivered, never read (read receipts off, or never opened). */
    DELIVERED("8000", null),
    /** sent, delivered and read, each {@code delay} later than usual (the phone was off). */
    LATE("8030", null),
    /**
     * read arrives first, then delivered, then sent: Meta guarantees no order [doc]; the timestamps stay those of
     * the events.
     */
    OUT_OF_ORDER("8111", null),
    NOT_ON_WHATSAPP(
            "9999",
            new Failure(
                    131026,
                    "Message Undeliverable",
                    "Unable to deliver message. Reasons can include: the recipient's phone number is not a WhatsApp"
                            + " phone number; the recipient has not accepted WhatsApp's new Terms of Service and"
                            + " Privacy Policy; the recipient is using an old WhatsApp version.")),
    REENGAGEMENT(
            "1047",
            new Failure(
                    131047,
                    "Re-engagement message",
                    "Message failed to send because more than 24 hours have passed since the customer last replied"
                            + " to this number.")),
    ECOSYSTEM_ENGAGEMENT(
            "1049",
            new Failure(
                    131049,
                    "This message was not delivered to maintain healthy ecosystem engagement.",
                    "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.")),
    MARKETING_STOPPED(
            "1050",
            new Failure(
                    131050,
                    "User stopped marketing messages",
                    "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages"
                            + " on WhatsApp from your business.")),
    EXPERIMENT(
            "0472",
            new Failure(
                    130472,
                    "User's number is part of an experiment",
                    "Message was not sent as part of an experiment."));

    /** A failed status's error: Meta's code, its title (also the message) and {@code error_data.details}. */
    public record Failure(int code, String title, String details) {}

    /** How much later the statuses of {@link #LATE} come when only the number's suffix chose it. */
    public static final int DEFAULT_DELAY_SECONDS = 30;

    private final @Nullable String suffix;
    private final @Nullable Failure failure;

    DeliveryOutcome(@Nullable String suffix, @Nullable Failure failure) {
        this.suffix = suffix;
        this.failure = failure;
    }

    /** The last digits of a customer's number that choose this outcome, none for {@link #READ}. */
    public @Nullable String suffix() {
        return suffix;
    }

    public @Nullable Failure failure() {
        return failure;
    }

    /** The outcome whose suffix ends the wa_id, if any. */
    public static Optional<DeliveryOutcome> bySuffix(String waId) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.suffix != null && waId.endsWith(outcome.suffix))
                .findFirst();
    }

    /** The outcomes chosen by a suffix, in the order the console lists them. */
    public static List<DeliveryOutcome> suffixRules() {
        return Arrays.stream(values()).filter(outcome -> outcome.suffix != null).toList();
    }
}
