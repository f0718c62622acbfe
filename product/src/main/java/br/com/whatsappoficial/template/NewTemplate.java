package br.com.whatsappoficial.template;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A template as the merchant (or the campaign engine) wrote it, before the rules checked it.
 *
 * @param headerExample the example of the header's one variable, when it has one
 * @param examples the body's examples by variable: {@code "1"}, {@code "2"}... or the variable's name
 * @param mediaHeader a header that shows a file, already known to Meta (an edit keeping it); then {@code
 *     header} is empty
 * @param sample a new example image for the header, uploaded to Meta once the rules accept the rest
 */
public record NewTemplate(
        String name,
        TemplateCategory category,
        String language,
        @Nullable String header,
        @Nullable String headerExample,
        String body,
        @Nullable String footer,
        List<TemplateButton> buttons,
        Map<String, String> examples,
        @Nullable MediaHeader mediaHeader,
        @Nullable MediaSample sample) {

    /** The same template with its header image known to Meta by {@code handle}. */
    NewTemplate withMediaHeader(MediaHeader uploaded) {
        return new NewTemplate(name, category, language, null, null, body, footer, buttons, examples, uploaded, null);
    }

    /** Whether the header shows an image (new or kept) rather than text. */
    boolean imageHeader() {
        return sample != null || (mediaHeader != null && mediaHeader.format() == MediaHeader.Format.IMAGE);
    }

    public NewTemplate {
        name = name == null ? "" : name.strip();
        language = language == null || language.isBlank() ? TemplateLanguage.PT_BR.code() : language.strip();
        header = blankToNull(header);
        headerExample = blankToNull(headerExample);
        body = body == null ? "" : body.strip();
        footer = blankToNull(footer);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        examples = examples == null ? Map.of() : Map.copyOf(examples);
        if (mediaHeader != null || sample != null) {
            header = null;
            headerExample = null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
