package br.com.whatsappoficial.template;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A header that shows a file instead of text. Meta reviews it with an example file uploaded through its
 * Resumable Upload API; each send then names its own file by link.
 *
 * @param handle the example as Meta knows it: the upload's handle when we made the template, or whatever
 *     Meta lists for one made in WhatsApp Manager (kept as it is, so an edit sends it back unchanged)
 */
public record MediaHeader(Format format, String handle) {

    public MediaHeader {
        Objects.requireNonNull(format);
        handle = handle == null ? "" : handle.strip();
    }

    /** Meta's header formats that carry a file; each send gives the file in a parameter of that type. */
    public enum Format {
        IMAGE,
        VIDEO,
        DOCUMENT;

        /** The parameter type of a send ({@code image}, {@code video}, {@code document}). */
        public String parameterType() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Format> fromMeta(String format) {
            try {
                return Optional.of(valueOf(format.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException other) {
                return Optional.empty();
            }
        }
    }
}
