package br.com.whatsappoficial.meta;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message to send through {@code POST /{phone-number-id}/messages} (META-CONTRACT §6). Free-form
 * kinds only go out inside the customer's 24 h service window; templates go out any time.
 */
public sealed interface OutboundMessage {

    /**
     * The recipient with {@code +} and country code, as Meta recommends, or a customer's business-scoped
     * user id ({@code BR.…}) when the customer has no number we know.
     */
    String to();

    /** Whether a recipient is a business-scoped user id rather than a number. */
    static boolean isUserId(String to) {
        return to.length() > 3 && Character.isLetter(to.charAt(0)) && to.charAt(2) == '.';
    }

    /** Echoed back in status webhooks (≤ 512 characters), to match statuses to our own records. */
    @Nullable
    String callbackData();

    record Text(
            String to,
            String body,
            boolean previewUrl,
            @Nullable String callbackData) implements OutboundMessage {
        public Text {
            Objects.requireNonNull(to);
            if (body == null || body.isEmpty() || body.length() > 4096) {
                throw new IllegalArgumentException("a text message has 1 to 4096 characters");
            }
            requireCallbackData(callbackData);
        }
    }

    /**
     * An approved template.
     *
     * @param bodyParameters the values of the template body's variables, in order: {{1}}, {{2}}... or,
     *     for named variables, each with its name
     * @param header what fills the header: its one text variable, or the file a media header shows
     * @param buttons the end of each URL button's link that ends in a variable
     */
    record Template(
            String to,
            String name,
            String languageCode,
            List<Parameter> bodyParameters,
            @Nullable HeaderParameter header,
            List<ButtonParameter> buttons,
            @Nullable String callbackData)
            implements OutboundMessage {
        public Template {
            Objects.requireNonNull(to);
            Objects.requireNonNull(name);
            Objects.requireNonNull(languageCode);
            bodyParameters = List.copyOf(bodyParameters);
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
            requireCallbackData(callbackData);
        }

        public Template(
                String to,
                String name,
                String languageCode,
                List<Parameter> bodyParameters,
                @Nullable String callbackData) {
            this(to, name, languageCode, bodyParameters, null, List.of(), callbackData);
        }
    }

    /** What fills a template's header in a send. */
    sealed interface HeaderParameter {}

    /** The header's one text variable. */
    record HeaderText(Parameter value) implements HeaderParameter {
        public HeaderText {
            Objects.requireNonNull(value);
        }
    }

    /**
     * The file of an image, video or document header, by a link Meta fetches it from.
     *
     * @param type {@code image}, {@code video} or {@code document}, as the template's header format
     */
    record HeaderMedia(String type, String link) implements HeaderParameter {
        public HeaderMedia {
            if (!List.of("image", "video", "document").contains(type)) {
                throw new IllegalArgumentException("a media header is an image, a video or a document");
            }
            Objects.requireNonNull(link);
        }
    }

    /**
     * The end of a URL button's link that ends in a variable.
     *
     * @param index the button's position among all the template's buttons, from 0
     */
    record ButtonParameter(int index, String text) {
        public ButtonParameter {
            if (index < 0 || index > 9) {
                throw new IllegalArgumentException("a template has at most 10 buttons");
            }
            Objects.requireNonNull(text);
        }
    }

    /**
     * One text parameter of a template.
     *
     * @param name the variable's name for {{nome}}-style templates; null for {{1}}-style ones
     */
    record Parameter(@Nullable String name, String text) {
        public Parameter {
            Objects.requireNonNull(text);
        }

        public static Parameter positional(String text) {
            return new Parameter(null, text);
        }
    }

    /** An interactive message with one call-to-action button that opens a URL. */
    record CtaUrl(
            String to,
            String body,
            String buttonText,
            String url,
            @Nullable String footer,
            @Nullable String callbackData)
            implements OutboundMessage {
        public CtaUrl {
            Objects.requireNonNull(to);
            Objects.requireNonNull(url);
            if (body == null || body.isEmpty() || body.length() > 1024) {
                throw new IllegalArgumentException("an interactive body has 1 to 1024 characters");
            }
            if (buttonText == null || buttonText.isEmpty() || buttonText.length() > 20) {
                throw new IllegalArgumentException("a button text has 1 to 20 characters");
            }
            if (footer != null && footer.length() > 60) {
                throw new IllegalArgumentException("a footer has at most 60 characters");
            }
            requireCallbackData(callbackData);
        }
    }

    private static void requireCallbackData(@Nullable String callbackData) {
        if (callbackData != null && callbackData.length() > 512) {
            throw new IllegalArgumentException("biz_opaque_callback_data has at most 512 characters");
        }
    }
}
