package br.com.metasandbox.state;

import java.security.SecureRandom;
import java.util.Base64;

/** Identifiers and secrets shaped like Meta's. */
public final class SandboxIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private SandboxIds() {}

    /** Graph object ids are opaque decimal strings; the sandbox makes them 15 or 16 digits long. */
    public static String objectId() {
        return Long.toString(100_000_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_900_000_000_000_000L);
    }

    /** Business tokens begin with "EAA" [contract §2 example]; the rest is random. */
    public static String accessToken() {
        return "EAAS" + alphanumeric(180);
    }

    /** An exchangeable code as Embedded Signup returns it (the real format is opaque). */
    public static String authorizationCode() {
        return "AQ" + urlSafe(96);
    }

    /** Lower-case hex of {@code bytes} random bytes, like Embedded Signup's session ids. */
    public static String hex(int bytes) {
        return java.util.HexFormat.of().formatHex(bytes(bytes));
    }

    public static String otp() {
        return "%06d".formatted(RANDOM.nextInt(1_000_000));
    }

    public static String certificate() {
        return Base64.getEncoder().encodeToString(bytes(96));
    }

    /** Meta's session ids carry a signature as a query, {@code upload:<id>?sig=<sig>}, part of the id. */
    public static String uploadSession() {
        return "upload:" + urlSafe(36) + "?sig=" + urlSafe(16);
    }

    public static String uploadHandle() {
        return "4:" + urlSafe(60);
    }

    public static String urlSafe(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
    }

    static String alphanumeric(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        }
        return new String(chars);
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
