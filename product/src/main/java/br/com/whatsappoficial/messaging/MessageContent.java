package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.meta.OutboundMessage;
import java.util.List;

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

    /** An approved template and the values of its body's variables, in its order. */
    record TemplateSend(String name, String language, List<OutboundMessage.Parameter> parameters)
            implements MessageContent {

        public TemplateSend {
            parameters = List.copyOf(parameters);
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
            return new OutboundMessage.Template(to, name, language, parameters, callbackData.toString());
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
