package br.com.whatsappoficial.messaging;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key a store's receiver checks our callbacks with: {@code wocb_} and 32 random bytes in hex. The
 * signature is {@code sha256=} and the hex HMAC-SHA256 of the raw body, keyed with the whole secret's
 * UTF-8 bytes. {@link #toString()} never shows it.
 */
record CallbackSecret(String value) {

    static final String HEADER = "X-WO-Signature";
    private static final String PREFIX = "wocb_";
    private static final SecureRandom RANDOM = new SecureRandom();

    CallbackSecret {
        if (!value.matches(PREFIX + "[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a callback secret");
        }
    }

    static CallbackSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new CallbackSecret(PREFIX + HexFormat.of().formatHex(bytes));
    }

    /** The header's value for {@code body}: {@code sha256=<hex>}. */
    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /**
     * The id of one callback for its {@code X-WO-Delivery} header: the same on every attempt, and opaque,
     * so a receiver cannot read from consecutive ids how many callbacks other stores get.
     */
    String deliveryId(long callbackId) {
        return sign(("delivery:" + callbackId).getBytes(StandardCharsets.UTF_8)).substring("sha256=".length(), 39);
    }

    /** Its last four characters: enough to tell two secrets apart, nothing to guess one with. */
    String hint() {
        return value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return "CallbackSecret[…" + hint() + "]";
    }
}
