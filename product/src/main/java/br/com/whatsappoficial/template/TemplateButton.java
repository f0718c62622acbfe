package br.com.whatsappoficial.template;

import org.jspecify.annotations.Nullable;

/**
 * A button under the message.
 *
 * @param value the URL of a {@link Type#URL} button, the E.164 number of a {@link Type#PHONE_NUMBER} one
 * @param example for a URL ending in {@code {{1}}}: an example of what each send puts there
 *     ({@code pedido/1001}), which Meta's reviewers open in place of the variable
 */
public record TemplateButton(
        Type type,
        String text,
        @Nullable String value,
        @Nullable String example) {

    public TemplateButton {
        text = text == null ? "" : text.strip();
        value = value == null || value.isBlank() ? null : value.strip();
        example = example == null || example.isBlank() ? null : example.strip();
    }

    public TemplateButton(Type type, String text, @Nullable String value) {
        this(type, text, value, null);
    }

    /** A URL button whose link ends with a variable: each send must give that end. */
    public boolean dynamic() {
        return type == Type.URL && value != null && !TemplateVariables.of(value).isEmpty();
    }

    /** The URL as Meta's reviewers (and the preview) see it: the example in place of the variable. */
    public @Nullable String exampleUrl() {
        if (!dynamic() || value == null) {
            return value;
        }
        return TemplateVariables.fill(value, name -> example);
    }

    public enum Type {
        QUICK_REPLY,
        URL,
        PHONE_NUMBER,
        /** A kind the editor does not make (Meta's copy-code and OTP buttons), kept as Meta listed it. */
        OTHER
    }
}
