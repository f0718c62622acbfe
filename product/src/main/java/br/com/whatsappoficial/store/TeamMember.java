package br.com.whatsappoficial.store;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user of the current store, as the store's team list shows them. */
public record TeamMember(
        UUID userId,
        String displayName,
        String email,
        StoreRole role,
        @Nullable Instant lastLoginAt) {}
