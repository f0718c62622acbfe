package br.com.whatsappoficial.accounttest;

/** A run could not start: the typed phone is not one to test with, or the store has no number to test. */
class RunRefused extends RuntimeException {

    enum Reason {
        PHONE_INVALID,
        PHONE_LANDLINE,
        OWN_NUMBER,
        NOT_CONNECTED;

        /** Its pt-BR explanation in the module's bundle. */
        String messageKey() {
            return "accounttest.refused."
                    + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    RunRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
