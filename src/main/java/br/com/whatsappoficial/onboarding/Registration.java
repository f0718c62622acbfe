package br.com.whatsappoficial.onboarding;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One number's registration as stored; the PIN stays sealed in its own column. */
record Registration(
        String phoneNumberId,
        String wabaId,
        RegistrationState state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Integer lastErrorCode,
        @Nullable String lastError,
        @Nullable Instant registeredAt) {}
