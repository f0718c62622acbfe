package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.meta.OutboundMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a message says, as the engine asked for it; kept with the message so each attempt builds the same call. */
sealed interface MessageContent {

    /** {@code template}, {@code text} or {@code link}: how the API and the database name the kind. */
    String kind();

    /** Free-form content only goes to a customer whose 24 h window is open; templates go any time. */
    default boolean needsOpenWindow() {
        return true;
    }

    /** Meta's message to {@code to}, echoing our id back in its statuses. */
    OutboundMessage toMeta(String to, MessageId callbackData);

    /**
     * An approved template and the values of its variables: the body's in its order, the header's, and the
     * end of each URL button's link that ends in a variable.
     */
    record TemplateSend(
            String name,
            String language,
            List<OutboundMessage.Parameter> parameters,
            @Nullable Header header,
            List<OutboundMessage.ButtonParameter> buttons)
            implements MessageContent {

        public TemplateSend {
            parameters = List.copyOf(parameters);
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }

        TemplateSend(String name, String language, List<OutboundMessage.Parameter> parameters) {
            this(name, language, parameters, null, List.of());
        }

        @Override
        public String kind() {
            return "template";
        }

        @Override
        public boolean needsOpenWindow() {
            return false;
        }

        @Override
        public OutboundMessage toMeta(String to, MessageId callbackData) {
            return new OutboundMessage.Template(
                    to,
                    name,
                    language,
                    parameters,
                    header == null ? null : header.toMeta(),
                    buttons,
                    callbackData.toString());
        }
    }

    /**
     * What fills a template's header: its text variable, or the link of the file a media header shows (kept
     * flat, so the stored message reads back without type hints).
     *
     * @param mediaType {@code image}, {@code video} or {@code document}; null for a text variable
     */
    record Header(@Nullable String mediaType, @Nullable String link, OutboundMessage.@Nullable Parameter text) {

        static Header media(String type, String link) {
            return new Header(type, link, null);
        }

        static Header text(OutboundMessage.Parameter text) {
            return new Header(null, null, text);
        }

        OutboundMessage.HeaderParameter toMeta() {
            if (mediaType != null && link != null) {
                return new OutboundMessage.HeaderMedia(mediaType, link);
            }
            return new OutboundMessage.HeaderText(java.util.Objects.requireNonNull(text));
        }
    }

    record Text(String body, boolean previewUrl) implements MessageContent {

        @Override
        public String kind() {
            return "text";
        }

        @Override
        public OutboundMessage toMeta(String to, MessageId callbackData) {
            return new OutboundMessage.Text(to, body, previewUrl, callbackData.toString());
        }
    }

    /** A text with one button that opens a link (Meta's CTA-URL interactive message). */
    record Link(String body, String url, String label) implements MessageContent {

        @Override
        public String kind() {
            return "link";
        }

        @Override
        public OutboundMessage toMeta(String to, MessageId callbackData) {
            return new OutboundMessage.CtaUrl(to, body, label, url, null, callbackData.toString());
        }
    }
}
