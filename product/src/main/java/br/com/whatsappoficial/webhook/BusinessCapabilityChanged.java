package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code business_capability_update}: the portfolio's messaging limits changed.
 *
 * @param maxDailyConversationsPerBusiness a tier (TIER_2K, ...) or, as in Meta's own example, a number
 */
public record BusinessCapabilityChanged(
        StoreId store,
        String wabaId,
        @Nullable String maxDailyConversationsPerBusiness,
        @Nullable Integer maxPhoneNumbersPerBusiness,
        @Nullable Integer maxPhoneNumbersPerWaba,
        @Nullable Instant at) {}
