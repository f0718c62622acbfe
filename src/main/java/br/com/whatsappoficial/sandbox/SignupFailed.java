package br.com.whatsappoficial.sandbox;

/** An in-flow error that ends the popup with an ERROR event (e.g. a display name Meta refuses). */
final class SignupFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorId;
    private final String messageKey;

    SignupFailed(String errorId, String messageKey) {
        super(messageKey, null, false, false);
        this.errorId = errorId;
        this.messageKey = messageKey;
    }

    String errorId() {
        return errorId;
    }

    String messageKey() {
        return messageKey;
    }
}
