package br.com.metasandbox.signup;

/**
 * An in-flow error that Meta shows with its own id (e.g. a display name against the guidelines): the user
 * may fix it on the same screen, or report it, which ends the run with a CANCEL carrying the error.
 */
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
