package br.com.whatsappoficial.accounttest;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code a run asks the customer's phone to send back, like {@code TESTE-7KQ2MX}: unique enough that a
 * message carrying it can only be the answer to this run, and free of letters people confuse (0/O, 1/I).
 */
record InboundCode(String value) {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("TESTE-[" + ALPHABET + "]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    InboundCode {
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a test code: " + value);
        }
    }

    static InboundCode random() {
        StringBuilder code = new StringBuilder("TESTE-");
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new InboundCode(code.toString());
    }

    /** The code somewhere in a customer's message, whatever the case and the words around it. */
    static Optional<InboundCode> foundIn(String text) {
        Matcher found = SHAPE.matcher(text.toUpperCase(java.util.Locale.ROOT));
        return found.find() ? Optional.of(new InboundCode(found.group())) : Optional.empty();
    }
}
