package br.com.whatsappoficial.onboarding;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Confirming a number's ownership did not go ahead: our own checks refused it, or Meta did. Each reason
 * has one pt-BR message ({@code verification.refused.<reason>}).
 *
 * @param secondsLeft for {@link Reason#WAIT_BEFORE_NEW_CODE}: how long until another code may be asked for
 * @param supportReference Meta's fbtrace_id when Meta refused in a way the merchant cannot fix alone
 */
class VerificationRefused extends RuntimeException {

    enum Reason {
        /** The number is not one of the current store's: answered like a page that does not exist. */
        UNKNOWN_NUMBER,
        ALREADY_VERIFIED,
        MALFORMED_CODE,
        /** Neither SMS nor voice call was chosen. */
        NO_METHOD,
        /** Landlines cannot receive an SMS; Meta calls them. */
        SMS_TO_LANDLINE,
        WAIT_BEFORE_NEW_CODE,
        /** 136024: Meta sent too many codes to the number and wants hours of rest. */
        TOO_MANY_CODE_REQUESTS,
        /** 136025: the code is wrong, expired, or was guessed too often. */
        WRONG_CODE,
        /** Meta's own rate limits (Graph, WABA): a few minutes fix it. */
        META_RATE_LIMIT,
        /** The business token is gone or refused: the merchant must reconnect. */
        RECONNECT,
        /** Meta did not answer, or answered that it had a problem. */
        META_UNAVAILABLE,
        META_REFUSED;

        String messageKey() {
            return "verification.refused." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final long secondsLeft;
    private final @Nullable String supportReference;

    VerificationRefused(Reason reason) {
        this(reason, 0, null);
    }

    VerificationRefused(Reason reason, long secondsLeft, @Nullable String supportReference) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.secondsLeft = secondsLeft;
        this.supportReference = supportReference;
    }

    Reason reason() {
        return reason;
    }

    long secondsLeft() {
        return secondsLeft;
    }

    @Nullable
    String supportReference() {
        return supportReference;
    }
}
