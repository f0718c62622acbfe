package br.com.whatsappoficial.store;

/** An invitation that cannot be made or used; the message key says why in the merchant's language. */
public final class InvitationRefused extends RuntimeException {

    private final String messageKey;

    InvitationRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** A key of the message bundles. */
    public String messageKey() {
        return messageKey;
    }
}
