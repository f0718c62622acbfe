package br.com.whatsappoficial.webhook;

import java.util.Locale;
import java.util.Optional;

/**
 * Meta's delivery statuses of a message we sent, in the order they can only move forward: Meta
 * delivers webhooks out of order, so a late {@code sent} must not undo a {@code read}. {@code read}
 * may arrive without {@code delivered}; {@code played} is a voice message listened to; {@code failed}
 * is final.
 */
public enum MessageStatus {
    SENT,
    DELIVERED,
    READ,
    PLAYED,
    FAILED;

    /** Whether moving from this status to {@code next} is progress rather than a late or repeated webhook. */
    public boolean precedes(MessageStatus next) {
        return ordinal() < next.ordinal();
    }

    static Optional<MessageStatus> fromMeta(String status) {
        try {
            return Optional.of(valueOf(status.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
