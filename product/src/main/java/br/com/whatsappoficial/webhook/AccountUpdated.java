package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code account_update} for a store's WABA: partner added or removed, violation, ban, ... Meta
 * adds events over time, so {@code event} is Meta's name as sent.
 *
 * @param banState {@code ban_info.waba_ban_state} of a DISABLED_UPDATE
 * @param violationType {@code violation_info.violation_type} of an ACCOUNT_VIOLATION
 */
public record AccountUpdated(
        StoreId store,
        String wabaId,
        String event,
        @Nullable String banState,
        @Nullable String violationType,
        @Nullable Instant at) {}
