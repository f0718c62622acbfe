package br.com.whatsappoficial.meta;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Graph's {@code appsecret_proof}: HMAC-SHA256 of the access token keyed with the app secret, which
 * proves a call comes from the app's server even if a token leaked.
 */
final class AppSecretProof {

    private AppSecretProof() {}

    static String of(String appSecret, String token) {
        return HexFormat.of().formatHex(HmacSha256.of(appSecret, token.getBytes(StandardCharsets.UTF_8)));
    }
}
