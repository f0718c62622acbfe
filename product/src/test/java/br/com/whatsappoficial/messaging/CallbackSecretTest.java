package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackSecretTest {

    private static final CallbackSecret SECRET = new CallbackSecret("wocb_" + "ab".repeat(32));

    @Test
    void signsTheRawBodyWithHmacSha256OfTheWholeSecret() {
        // openssl: printf '{"id":"1"}' | openssl dgst -sha256 -hmac wocb_abab…ab
        assertThat(SECRET.sign("{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=d3341e6fd7b9219ef544ed1ae14f44c103eebac2feeed5632576e00ed16b484e");
        assertThat(SECRET.sign("{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(SECRET.sign("{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDeliveryIdIsStableOpaqueAndTellsNothingAboutVolume() {
        assertThat(SECRET.deliveryId(41)).isEqualTo(SECRET.deliveryId(41)).matches("[0-9a-f]{32}");
        assertThat(SECRET.deliveryId(42)).isNotEqualTo(SECRET.deliveryId(41)).doesNotContain("42");
        assertThat(CallbackSecret.generate().deliveryId(41)).isNotEqualTo(SECRET.deliveryId(41));
    }

    @Test
    void neverShowsItselfInALogLine() {
        assertThat(SECRET.toString()).doesNotContain("abababab").endsWith("…abab]");
        assertThat(CallbackSecret.generate().value()).matches("wocb_[0-9a-f]{64}");
        assertThatThrownBy(() -> new CallbackSecret("segredo")).isInstanceOf(IllegalArgumentException.class);
    }
}
