package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code message_template_status_update}: a template was approved, rejected, paused, disabled, ...
 *
 * @param event Meta's new status (APPROVED, REJECTED, PAUSED, ...), kept as Meta wrote it
 * @param reason Meta's reason ({@code NONE} or absent when there is none)
 * @param rejectionDetail Meta's explanation of an {@code INVALID_FORMAT} rejection or of a pause, when given
 * @param at when Meta sent it ({@code entry.time}); the order of the changes of one template
 */
public record TemplateStatusChanged(
        StoreId store,
        String wabaId,
        String templateId,
        String templateName,
        String language,
        String event,
        @Nullable String reason,
        @Nullable String category,
        @Nullable String rejectionDetail,
        @Nullable Instant at) {}
