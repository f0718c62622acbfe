package br.com.whatsappoficial.sandbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A WhatsApp Business Account as the sandbox keeps it (contract §3). */
record Waba(
        String id,
        String businessId,
        String name,
        String currency,
        String timezoneId,
        String templateNamespace,
        String accountReviewStatus,
        String country,
        String ownershipType,
        boolean appSubscribed,
        @Nullable String overrideCallbackUri,
        @Nullable String overrideVerifyToken,
        Instant createdAt) {}
