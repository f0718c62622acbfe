package br.com.whatsappoficial.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message the engine asked for, its fields checked for shape; whether it may go (recipient, window,
 * template, budget) is decided by {@link MessageIntake}.
 *
 * @param recipient a phone number as people write it, or a business-scoped user id when {@code byUserId}
 * @param metadata the engine's own JSON, echoed back
 */
record MessageRequest(
        String recipient,
        boolean byUserId,
        Asked content,
        @Nullable String metadata,
        @Nullable String callbackUrl) {

    /** What to send, as asked: a template by name with its arguments, or content ready to go. */
    sealed interface Asked {}

    record Ready(MessageContent content) implements Asked {}

    /**
     * A template and the values of its variables: an array for {{1}}, {{2}}… or an object for {{nome}}….
     */
    record Template(
            String name,
            String language,
            Arguments arguments,
            @Nullable HeaderArgument header,
            Map<Integer, String> buttons)
            implements Asked {

        Template {
            buttons = buttons == null ? Map.of() : Map.copyOf(buttons);
        }

        Template(String name, String language, Arguments arguments) {
            this(name, language, arguments, null, Map.of());
        }
    }

    /**
     * What the engine gave for the header: a text (its one variable) or a file's link by kind.
     *
     * @param mediaType {@code image}, {@code video} or {@code document}, when a link was given
     */
    record HeaderArgument(
            @Nullable String text,
            @Nullable String mediaType,
            @Nullable String link) {}

    record Arguments(
            @Nullable List<String> positional, @Nullable Map<String, String> named) {

        Arguments {
            positional = positional == null ? null : List.copyOf(positional);
            named = named == null ? null : new LinkedHashMap<>(named);
        }

        static Arguments none() {
            return new Arguments(List.of(), null);
        }
    }
}
