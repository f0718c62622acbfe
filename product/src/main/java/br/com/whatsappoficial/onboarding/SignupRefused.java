package br.com.whatsappoficial.onboarding;

import org.jspecify.annotations.Nullable;

/**
 * The signup finished at Meta but the connection cannot be kept; {@code messageKey} explains it in
 * pt-BR and {@code supportReference} is Meta's fbtrace_id when Meta was the one refusing.
 */
class SignupRefused extends RuntimeException {

    private final String messageKey;
    private final @Nullable String supportReference;

    SignupRefused(String messageKey, @Nullable String supportReference) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.supportReference = supportReference;
    }

    String messageKey() {
        return messageKey;
    }

    @Nullable
    String supportReference() {
        return supportReference;
    }
}
