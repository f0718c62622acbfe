package br.com.whatsappoficial.meta;

import org.jspecify.annotations.Nullable;

/**
 * Meta's error envelope ({@code {"error":{...}}}), META-CONTRACT §8.
 *
 * @param details {@code error_data.details}, Meta's explanation for WhatsApp errors
 * @param errorUserMsg a localised message Meta sometimes adds for end users
 */
public record GraphError(
        String message,
        @Nullable String type,
        int code,
        @Nullable Integer errorSubcode,
        @Nullable String fbtraceId,
        @Nullable String details,
        @Nullable String errorUserTitle,
        @Nullable String errorUserMsg,
        @Nullable Boolean isTransient) {}
