package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code phone_number_quality_update}: ONBOARDING, THROUGHPUT_UPGRADE, or a legacy event
 * (FLAGGED, UNFLAGGED, ...), kept as Meta names it.
 */
public record PhoneNumberQualityChanged(
        StoreId store,
        String wabaId,
        String displayPhoneNumber,
        String event,
        @Nullable String maxDailyConversationsPerBusiness,
        @Nullable String currentLimit,
        @Nullable Instant at) {}
