package br.com.whatsappoficial.meta;

import java.security.SecureRandom;

/** The 6-digit two-step verification PIN of a registered number: secret, never printed. */
public record TwoStepPin(String digits) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public TwoStepPin {
        if (digits == null || !digits.matches("\\d{6}")) {
            throw new IllegalArgumentException("a two-step PIN has exactly 6 digits");
        }
    }

    public static TwoStepPin random() {
        return new TwoStepPin("%06d".formatted(RANDOM.nextInt(1_000_000)));
    }

    @Override
    public String toString() {
        return "TwoStepPin[redacted]";
    }
}
