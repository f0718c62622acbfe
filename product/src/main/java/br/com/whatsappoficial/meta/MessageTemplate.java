package br.com.whatsappoficial.meta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message template as {@code GET /{waba-id}/message_templates} returns it. Status, category and
 * quality are Meta's words, kept as text: Meta adds values over time and a new one must not break a sync.
 *
 * @param parameterFormat {@code POSITIONAL} or {@code NAMED}; absent on templates older than named variables
 * @param rejectedReason Meta's reason of a rejection ({@code INVALID_FORMAT}, ...), {@code NONE} otherwise
 */
public record MessageTemplate(
        String id,
        String name,
        @Nullable String status,
        @Nullable String category,
        @Nullable String language,
        @Nullable String parameterFormat,
        List<MessageTemplateComponent> components,
        @Nullable QualityScore qualityScore,
        @Nullable String rejectedReason) {

    /** The fields a sync asks for. */
    static final String FIELDS =
            "id,name,status,category,language,parameter_format,components,quality_score,rejected_reason";

    public MessageTemplate {
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** {@code GREEN}, {@code YELLOW}, {@code RED} or {@code UNKNOWN} (no feedback yet). */
    public record QualityScore(@Nullable String score) {}
}
