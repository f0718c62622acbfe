package br.com.whatsappoficial.meta;

import org.jspecify.annotations.Nullable;

/**
 * Meta's answer to a creation: the template's id, its first status (PENDING while it is reviewed) and
 * the category Meta gave it, which may already differ from the one asked for.
 */
public record MessageTemplateCreated(
        String id, @Nullable String status, @Nullable String category) {}
