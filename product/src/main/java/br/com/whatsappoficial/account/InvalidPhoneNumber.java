package br.com.whatsappoficial.account;

import java.util.Locale;

/** A number that cannot be connected, with the reason shown to the merchant (messages: phone.invalid.*). */
public class InvalidPhoneNumber extends IllegalArgumentException {

    public enum Reason {
        EMPTY,
        NOT_A_NUMBER,
        NOT_BRAZILIAN,
        INVALID_FOR_BRAZIL,
        NOT_MOBILE_OR_LANDLINE
    }

    private final Reason reason;

    InvalidPhoneNumber(Reason reason) {
        super("Not a Brazilian mobile or landline number: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The key of the pt-BR explanation in the message bundles. */
    public String messageKey() {
        return "phone.invalid." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
