package br.com.whatsappoficial.messaging;

import java.util.Locale;

/**
 * Where a message is, as the engine reads it. It only moves forward: queued → sent → delivered → read,
 * and failed from any state before delivered. Meta reports statuses late, twice and out of order, and
 * adds new ones; a report that does not move the message forward is still kept in its timeline.
 */
enum DeliveryStatus {
    QUEUED,
    SENT,
    DELIVERED,
    READ,
    FAILED;

    /** The status after Meta reported {@code reported} (as Meta wrote it): this one when it is no progress. */
    DeliveryStatus after(String reported) {
        return switch (reported) {
            case "sent", "delivered", "read" -> {
                DeliveryStatus next = valueOf(reported.toUpperCase(Locale.ROOT));
                yield this != FAILED && next.ordinal() > ordinal() ? next : this;
            }
            case "failed" -> ordinal() < DELIVERED.ordinal() ? FAILED : this;
            // played (a voice message listened to) and whatever Meta adds later: the timeline keeps them
            default -> this;
        };
    }

    /** A status's place in a timeline: ours in their order, then whatever Meta named that we do not know. */
    static int rankOf(String status) {
        for (DeliveryStatus known : values()) {
            if (known.apiName().equals(status)) {
                return known.ordinal();
            }
        }
        return values().length;
    }

    /** How the API writes it: {@code queued}. */
    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus ofApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
