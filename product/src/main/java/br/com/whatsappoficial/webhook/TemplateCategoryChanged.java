package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code template_category_update}: Meta recategorised a template ({@code previousCategory} and
 * {@code newCategory}), or announces it will ({@code correctCategory}, with {@code effectiveAt} when Meta
 * says when: its {@code category_update_timestamp}).
 */
public record TemplateCategoryChanged(
        StoreId store,
        String wabaId,
        String templateId,
        String templateName,
        String language,
        @Nullable String previousCategory,
        @Nullable String newCategory,
        @Nullable String correctCategory,
        @Nullable Instant at,
        @Nullable Instant effectiveAt) {}
