package br.com.whatsappoficial.webhook;

import java.io.StringWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * A quarantined payload as support reads it: indented when it is JSON, as received otherwise, and cut
 * at {@link #MAX_CHARS} (a malformed body can be megabytes; the JSON API returns it whole).
 *
 * @param json whether the payload parsed and is shown indented
 * @param totalChars the length of what would be shown uncut
 */
record ReadablePayload(String text, boolean json, int totalChars) {

    static final int MAX_CHARS = 200_000;

    /**
     * Indents token by token, so numbers keep Meta's exact digits and repeated keys stay visible; a
     * tree would round both away.
     */
    static ReadablePayload of(String payload) {
        String indented = indented(payload);
        String shown = indented == null ? payload : indented;
        return new ReadablePayload(cut(shown), indented != null, shown.length());
    }

    public boolean cut() {
        return totalChars > text.length();
    }

    /** At most {@link #MAX_CHARS}, never half of a character outside the BMP (an emoji in a message). */
    private static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end);
    }

    private static @Nullable String indented(String payload) {
        StringWriter out = new StringWriter(payload.length() + payload.length() / 4);
        try (JsonParser parser = WebhookEnvelope.JSON.createParser(payload);
                JsonGenerator generator =
                        WebhookEnvelope.JSON.writerWithDefaultPrettyPrinter().createGenerator(out)) {
            if (parser.nextToken() == null) {
                return null;
            }
            do {
                generator.copyCurrentEventExact(parser);
            } while (parser.nextToken() != null);
        } catch (JacksonException unreadable) {
            return null;
        }
        return out.toString();
    }
}
