package br.com.whatsappoficial.meta;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code X-Hub-Signature-256} header: {@code sha256=} and the hex HMAC-SHA256 of the request's
 * <em>raw bytes</em> keyed with the app secret. Meta escapes non-ASCII text as {@code \\uXXXX}, so
 * the bytes must be verified as received: parsing and re-serialising the JSON changes them.
 */
public final class WebhookSignature {

    /** The header Meta signs its webhook POSTs with. */
    public static final String HEADER = "X-Hub-Signature-256";

    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    private WebhookSignature() {}

    /** The header value Meta would send for these bytes (the sandbox signs its webhooks with it). */
    public static String sign(byte[] body, String appSecret) {
        return PREFIX + HexFormat.of().formatHex(HmacSha256.of(appSecret, body));
    }

    /**
     * Whether the header signs these bytes with one of the secrets (the current one and, during a
     * rotation, the previous one). A missing header, another algorithm (Meta's legacy {@code sha1=})
     * or malformed hex never matches. Compared in constant time, so timing reveals nothing.
     */
    public static boolean matches(@Nullable String header, byte[] body, List<String> appSecrets) {
        byte @Nullable [] claimed = claimedDigest(header);
        if (claimed == null) {
            return false;
        }
        boolean matched = false;
        for (String secret : appSecrets) {
            // Every secret is tried, so the time taken does not tell which one matched.
            matched |= MessageDigest.isEqual(claimed, HmacSha256.of(secret, body));
        }
        return matched;
    }

    private static byte @Nullable [] claimedDigest(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX) || value.length() != PREFIX.length() + HEX_LENGTH) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
