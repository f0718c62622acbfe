package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Meta's {@code message_template_quality_update}: GREEN, YELLOW, RED or UNKNOWN. */
public record TemplateQualityChanged(
        StoreId store,
        String wabaId,
        String templateId,
        String templateName,
        String language,
        @Nullable String previousQuality,
        String newQuality,
        @Nullable Instant at) {}
