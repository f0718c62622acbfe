package br.com.whatsappoficial.onboarding;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The 6-digit code Meta sent to the number by SMS or voice call; a value that exists is well formed. */
record OwnershipCode(String digits) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    OwnershipCode {
        if (!SIX_DIGITS.matcher(digits).matches()) {
            throw new VerificationRefused(VerificationRefused.Reason.MALFORMED_CODE);
        }
    }

    /** What the merchant typed: spaces and a dash between the halves ("123 456", "123-456") are fine. */
    static OwnershipCode typed(@Nullable String typed) {
        return new OwnershipCode(typed == null ? "" : typed.replaceAll("[\\s-]", ""));
    }
}
