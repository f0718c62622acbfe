package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.meta.WebhookSignature;
import java.util.Locale;
import org.springframework.mock.web.MockHttpServletRequest;

/** How a fuzzed POST is signed: as Meta signs (in any letter case), or forged in one of many ways. */
enum Signing {
    GENUINE,
    GENUINE_IN_UPPER_CASE,
    GENUINE_UNDER_A_LOWER_CASE_HEADER_NAME,
    MISSING,
    EMPTY,
    ANOTHER_SECRET,
    ANOTHER_SECRET_IN_UPPER_CASE,
    ANOTHER_BODY,
    ONE_DIGIT_CHANGED,
    ONE_DIGIT_SHORT,
    SHA1_PREFIX,
    ZEROS,
    NOT_HEX;

    private static final String SECRET = MetaWebhookServletTest.META.appSecret();

    boolean genuine() {
        return this == GENUINE || this == GENUINE_IN_UPPER_CASE || this == GENUINE_UNDER_A_LOWER_CASE_HEADER_NAME;
    }

    void sign(MockHttpServletRequest request, byte[] body) {
        String genuine = WebhookSignature.sign(body, SECRET);
        switch (this) {
            case GENUINE -> request.addHeader(WebhookSignature.HEADER, genuine);
            case GENUINE_IN_UPPER_CASE -> request.addHeader(WebhookSignature.HEADER, genuine.toUpperCase(Locale.ROOT));
            case GENUINE_UNDER_A_LOWER_CASE_HEADER_NAME ->
                request.addHeader(WebhookSignature.HEADER.toLowerCase(Locale.ROOT), genuine);
            case MISSING -> {}
            case EMPTY -> request.addHeader(WebhookSignature.HEADER, "");
            case ANOTHER_SECRET ->
                request.addHeader(WebhookSignature.HEADER, WebhookSignature.sign(body, "guessed-secret"));
            case ANOTHER_SECRET_IN_UPPER_CASE ->
                request.addHeader(
                        WebhookSignature.HEADER,
                        WebhookSignature.sign(body, "guessed-secret").toUpperCase(Locale.ROOT));
            case ANOTHER_BODY -> {
                byte[] other = java.util.Arrays.copyOf(body, body.length + 1);
                other[body.length] = ' ';
                request.addHeader(WebhookSignature.HEADER, WebhookSignature.sign(other, SECRET));
            }
            case ONE_DIGIT_CHANGED -> {
                char last = genuine.charAt(genuine.length() - 1);
                request.addHeader(
                        WebhookSignature.HEADER,
                        genuine.substring(0, genuine.length() - 1) + (last == '0' ? '1' : '0'));
            }
            case ONE_DIGIT_SHORT ->
                request.addHeader(WebhookSignature.HEADER, genuine.substring(0, genuine.length() - 1));
            case SHA1_PREFIX -> request.addHeader(WebhookSignature.HEADER, genuine.replace("sha256=", "sha1="));
            case ZEROS -> request.addHeader(WebhookSignature.HEADER, "sha256=" + "0".repeat(64));
            case NOT_HEX -> request.addHeader(WebhookSignature.HEADER, "sha256=" + "z".repeat(64));
        }
    }
}
