package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WellFormedUtf8Test {

    @Test
    void wellFormedBodiesAreKeptAsTheyCame() {
        byte[] ascii = "{\"text\":\"Oi, meu pedido chegou?\"}".getBytes(StandardCharsets.UTF_8);
        byte[] accented = "{\"text\":\"João, ação às 9h 😀\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WellFormedUtf8.of(ascii)).isSameAs(ascii);
        assertThat(WellFormedUtf8.of(accented)).isSameAs(accented);
    }

    @ParameterizedTest
    // A lone continuation byte, a cut sequence, a surrogate, overlong forms, past U+10FFFF, never UTF-8.
    @ValueSource(strings = {"80", "c3", "eda080", "c0af", "e080af", "f4908080", "ff", "e282"})
    void aMalformedSequenceBecomesAReplacementCharacter(String hex) throws CharacterCodingException {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        // Long enough for the eight-bytes-at-a-time check to see it in the middle and at the end.
        byte[] body = concat(
                "{\"text\":\"Olá mundo ".getBytes(StandardCharsets.UTF_8), bad, "\"}".getBytes(StandardCharsets.UTF_8));

        byte[] fixed = WellFormedUtf8.of(body);

        String text = StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(fixed))
                .toString();
        assertThat(text).startsWith("{\"text\":\"Olá mundo ").endsWith("\"}").contains("\uFFFD");
    }

    @Test
    void aHighByteAfterManyAsciiOnesIsFound() {
        byte[] body = ("x".repeat(1_001) + "\u00e9").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(new String(WellFormedUtf8.of(body), StandardCharsets.UTF_8)).endsWith("\uFFFD");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
