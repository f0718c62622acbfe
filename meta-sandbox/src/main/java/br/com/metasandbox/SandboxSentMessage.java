package br.com.metasandbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message our product sent through the sandbox, as the simulated customer phone will receive it.
 *
 * @param payload the message's JSON as sent ({@code to}, {@code type} and the type's object)
 */
public record SandboxSentMessage(
        String id,
        String phoneId,
        String waId,
        String type,
        String payload,
        @Nullable String bizOpaqueCallbackData,
        Instant sentAt) {}
