package br.com.whatsappoficial.meta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code health_status} of a phone number, WABA or template (META-CONTRACT §4): overall
 * AVAILABLE, LIMITED or BLOCKED, and the entity that limits or blocks it.
 */
public record HealthStatus(@Nullable String canSendMessage, List<Entity> entities) {

    public HealthStatus {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public record Entity(
            @Nullable String entityType,
            @Nullable String id,
            @Nullable String canSendMessage,
            List<String> additionalInfo,
            List<Problem> errors) {
        public Entity {
            additionalInfo = additionalInfo == null ? List.of() : List.copyOf(additionalInfo);
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    public record Problem(
            int errorCode,
            @Nullable String errorDescription,
            @Nullable String possibleSolution) {}
}
