package br.com.whatsappoficial.meta;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keyed with one of the app's secrets, as Meta's signatures and proofs use it. A keyed MAC is
 * kept per secret and cloned for each message: looking the algorithm up and scheduling the key for each
 * webhook POST was a twentieth of its acknowledgement's CPU. An app has one secret, two during a rotation;
 * the bound only keeps odd callers from growing the map.
 */
final class HmacSha256 {

    private static final Map<String, Mac> KEYED = new ConcurrentHashMap<>();

    private static final int MAX_KEYED = 8;

    private HmacSha256() {}

    static byte[] of(String secret, byte[] message) {
        Mac keyed = KEYED.get(secret);
        if (keyed == null) {
            keyed = keyed(secret);
            if (KEYED.size() < MAX_KEYED) {
                KEYED.putIfAbsent(secret, keyed);
            }
        }
        try {
            return ((Mac) keyed.clone()).doFinal(message);
        } catch (CloneNotSupportedException notCloneable) {
            return keyed(secret).doFinal(message);
        }
    }

    private static Mac keyed(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
