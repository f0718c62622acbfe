package br.com.whatsappoficial.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A store's WhatsApp Business Account as we last knew it. The token stays sealed in the database. */
public record Waba(
        String wabaId,
        @Nullable String businessId,
        @Nullable String name,
        @Nullable String accountReviewStatus,
        @Nullable String banState,
        int maxNumbers,
        Instant connectedAt,
        @Nullable Instant tokenRevokedAt) {

    /** Credentials failed (code 190 family): the merchant must run the signup again (B4). */
    public boolean needsReconnection() {
        return tokenRevokedAt != null;
    }
}
