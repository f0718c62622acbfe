package br.com.whatsappoficial.template;

import org.jspecify.annotations.Nullable;

/**
 * A button under the message.
 *
 * @param value the URL of a {@link Type#URL} button, the E.164 number of a {@link Type#PHONE_NUMBER} one
 */
public record TemplateButton(
        Type type, String text, @Nullable String value) {

    public TemplateButton {
        text = text == null ? "" : text.strip();
        value = value == null || value.isBlank() ? null : value.strip();
    }

    public enum Type {
        QUICK_REPLY,
        URL,
        PHONE_NUMBER,
        /** A kind the editor does not make (Meta's copy-code and OTP buttons), kept as Meta listed it. */
        OTHER
    }
}
