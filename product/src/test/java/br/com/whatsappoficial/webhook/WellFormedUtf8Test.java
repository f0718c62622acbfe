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
    void aMalformedSequenceBecomesAReplacementCharacterWhereverItIs(String hex) throws CharacterCodingException {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        // At every place in an eight-byte word and in the last bytes, after ASCII only and after a valid "á".
        for (String before : java.util.List.of("", "á")) {
            for (int offset = 0; offset < 18; offset++) {
                byte[] body = concat(
                        ("x".repeat(offset) + before).getBytes(StandardCharsets.UTF_8),
                        bad,
                        "y".repeat(offset % 5).getBytes(StandardCharsets.UTF_8));

                String text = StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(WellFormedUtf8.of(body)))
                        .toString();

                assertThat(text)
                        .as("%s after %d bytes", hex, offset)
                        .startsWith("x".repeat(offset) + before)
                        .endsWith("y".repeat(offset % 5))
                        .contains("\uFFFD");
            }
        }
    }

    @Test
    void aWellFormedCharacterAnywhereKeepsTheBody() {
        for (int offset = 0; offset < 18; offset++) {
            byte[] body = ("x".repeat(offset) + "ção" + "y".repeat(offset % 5)).getBytes(StandardCharsets.UTF_8);

            assertThat(WellFormedUtf8.of(body)).as("after %d bytes", offset).isSameAs(body);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
