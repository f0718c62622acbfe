package br.com.whatsappoficial.messaging;

/** A reply to a customer's message that could not be queued, and why; nothing was queued. */
public final class ServiceReplyRefused extends RuntimeException {

    /** Why the reply may not go. */
    public enum Reason {
        /** The customer's 24 h window with the number the reply would go from is not open. */
        WINDOW_CLOSED,
        /** The customer is on the store's suppression list since before this message. */
        OPTED_OUT,
        /** The store has no number that may send now. */
        NUMBER_NOT_READY,
        /** The customer has neither a WhatsApp id nor a user id Meta can be called with. */
        UNKNOWN_CUSTOMER
    }

    private final Reason reason;

    ServiceReplyRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
