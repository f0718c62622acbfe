package br.com.whatsappoficial.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Known answers computed independently (Python's {@code hmac.new(secret, body, hashlib.sha256)}). */
class WebhookSignatureTest {

    static final String SECRET = "s3cr3t-of-the-app";

    /** Meta escapes non-ASCII as {@code \\uXXXX}: "Olá, não chegou 😀" travels as ASCII escapes. */
    static final String ESCAPED_BODY =
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"524126980791429\","
                    + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
                    + "{\"display_phone_number\":\"5511987654321\",\"phone_number_id\":\"106540352242922\"},\"messages\":"
                    + "[{\"from\":\"5511912345678\",\"id\":\"wamid.HBgNNTUxMTkxMjM0NTY3OA==\",\"timestamp\":\"1749416383\","
                    + "\"type\":\"text\",\"text\":{\"body\":\"Ol\\u00e1, n\\u00e3o chegou \\ud83d\\ude00\"}}]}}]}]}";

    static final String ESCAPED_BODY_SIGNATURE =
            "sha256=aeefbb5ae0d6ee5fac116a31c85a373959cfc6e2d8589c45db1904f0bca4ce52";

    static final String EMPTY_ENTRIES_SIGNATURE =
            "sha256=7509a00b122be4d441d1b49cc660bc544545f0f07519bd77bb22a60f8c2471eb";

    static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signsLikeMeta() {
        assertThat(WebhookSignature.sign(bytes("{\"object\":\"whatsapp_business_account\",\"entry\":[]}"), SECRET))
                .isEqualTo(EMPTY_ENTRIES_SIGNATURE);
        assertThat(WebhookSignature.sign(bytes(ESCAPED_BODY), SECRET)).isEqualTo(ESCAPED_BODY_SIGNATURE);
    }

    @Test
    void acceptsTheRawBytesWithEscapedNonAsciiText() {
        assertThat(WebhookSignature.matches(ESCAPED_BODY_SIGNATURE, bytes(ESCAPED_BODY), List.of(SECRET)))
                .isTrue();
    }

    @Test
    void refusesTheSameJsonReSerialised() {
        var mapper = JsonMapper.builder().build();
        String reSerialised = mapper.writeValueAsString(mapper.readTree(ESCAPED_BODY));

        assertThat(reSerialised).contains("Olá, não chegou 😀").isNotEqualTo(ESCAPED_BODY);
        assertThat(mapper.readTree(reSerialised)).isEqualTo(mapper.readTree(ESCAPED_BODY));
        assertThat(WebhookSignature.matches(ESCAPED_BODY_SIGNATURE, bytes(reSerialised), List.of(SECRET)))
                .isFalse();
    }

    @Test
    void refusesAnyChangedByte() {
        byte[] tampered = bytes(ESCAPED_BODY);
        tampered[tampered.length - 3] ^= 1;
        assertThat(WebhookSignature.matches(ESCAPED_BODY_SIGNATURE, tampered, List.of(SECRET)))
                .isFalse();
    }

    @Test
    void refusesAnotherSecret() {
        assertThat(WebhookSignature.matches(ESCAPED_BODY_SIGNATURE, bytes(ESCAPED_BODY), List.of("another-secret")))
                .isFalse();
    }

    @Test
    void acceptsThePreviousSecretDuringARotation() {
        assertThat(WebhookSignature.matches(
                        ESCAPED_BODY_SIGNATURE, bytes(ESCAPED_BODY), List.of("the-new-secret", SECRET)))
                .isTrue();
    }

    @Test
    void refusesMissingSha1OnlyAndMalformedHeaders() {
        byte[] body = bytes(ESCAPED_BODY);
        String hex = ESCAPED_BODY_SIGNATURE.substring("sha256=".length());
        assertThat(WebhookSignature.matches(null, body, List.of(SECRET))).isFalse();
        assertThat(WebhookSignature.matches("", body, List.of(SECRET))).isFalse();
        assertThat(WebhookSignature.matches("sha1=" + hex.substring(0, 40), body, List.of(SECRET)))
                .isFalse();
        assertThat(WebhookSignature.matches(hex, body, List.of(SECRET))).isFalse();
        assertThat(WebhookSignature.matches("sha256=" + hex.substring(2), body, List.of(SECRET)))
                .isFalse();
        assertThat(WebhookSignature.matches("sha256=zz" + hex.substring(2), body, List.of(SECRET)))
                .isFalse();
    }

    @Test
    void acceptsUpperCaseHex() {
        String upper =
                "sha256=" + ESCAPED_BODY_SIGNATURE.substring("sha256=".length()).toUpperCase();
        assertThat(WebhookSignature.matches(upper, bytes(ESCAPED_BODY), List.of(SECRET)))
                .isTrue();
    }
}
