package br.com.whatsappoficial.meta;

import java.util.List;

/**
 * What {@code POST /{waba-id}/message_templates} takes to create a template.
 *
 * @param parameterFormat {@code positional} ({@code {{1}}}) or {@code named} ({@code {{nome}}})
 */
public record MessageTemplateRequest(
        String name,
        String category,
        String language,
        String parameterFormat,
        List<MessageTemplateComponent> components) {

    public MessageTemplateRequest {
        components = List.copyOf(components);
    }
}
