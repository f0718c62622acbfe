package br.com.whatsappoficial.store;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Letters and digits only: a key selects whole with a double click and survives any shell or header
 * without quoting.
 */
final class Base62 {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());

    private Base62() {}

    /** {@code length} characters, each drawn uniformly from the alphabet. */
    static String random(SecureRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** The bytes as an unsigned number in base 62, left-padded with zeros to {@code length}. */
    static String encode(byte[] bytes, int length) {
        BigInteger number = new BigInteger(1, bytes);
        StringBuilder out = new StringBuilder();
        while (number.signum() > 0) {
            BigInteger[] division = number.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(division[1].intValue()));
            number = division[0];
        }
        if (out.length() > length) {
            throw new IllegalArgumentException("Does not fit in " + length + " base-62 digits");
        }
        while (out.length() < length) {
            out.append('0');
        }
        return out.reverse().toString();
    }
}
