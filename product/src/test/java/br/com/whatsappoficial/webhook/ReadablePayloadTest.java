package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadablePayloadTest {

    @Test
    void indentsJsonKeepingMetasExactNumbers() {
        ReadablePayload payload = ReadablePayload.of("{\"value\":{\"price\":10.10,\"big\":12345678901234567890123}}");

        assertThat(payload.json()).isTrue();
        assertThat(payload.text()).isEqualTo("""
                        {
                          "value" : {
                            "price" : 10.10,
                            "big" : 12345678901234567890123
                          }
                        }""");
        assertThat(payload.cut()).isFalse();
    }

    @Test
    void keepsRepeatedKeysVisible() {
        assertThat(ReadablePayload.of("{\"id\":1,\"id\":2}").text()).contains("\"id\" : 1", "\"id\" : 2");
    }

    @Test
    void showsAnUnreadableBodyAsReceived() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",";

        ReadablePayload payload = ReadablePayload.of(body);

        assertThat(payload.json()).isFalse();
        assertThat(payload.text()).isEqualTo(body);
    }

    @Test
    void showsJsonFollowedByGarbageAsReceived() {
        assertThat(ReadablePayload.of("{\"a\":1} <script>").json()).isFalse();
        assertThat(ReadablePayload.of("").json()).isFalse();
    }

    @Test
    void cutsAHugeBodyWithoutSplittingAnEmoji() {
        String body = "x".repeat(ReadablePayload.MAX_CHARS - 1) + "😀" + "y".repeat(10);

        ReadablePayload payload = ReadablePayload.of(body);

        assertThat(payload.cut()).isTrue();
        assertThat(payload.totalChars()).isEqualTo(body.length());
        assertThat(payload.text()).hasSize(ReadablePayload.MAX_CHARS - 1).doesNotContain("😀");
    }
}
