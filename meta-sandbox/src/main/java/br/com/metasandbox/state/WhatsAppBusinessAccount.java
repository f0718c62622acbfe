package br.com.metasandbox.state;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A WhatsApp Business Account as the sandbox keeps it (contract §3). */
public record WhatsAppBusinessAccount(
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
        @Nullable String banState,
        Instant createdAt) {

    /** account_update DISABLED_UPDATE's {@code waba_ban_state} values [doc]. */
    public static final java.util.Set<String> BAN_STATES =
            java.util.Set.of("SCHEDULE_FOR_DISABLE", "DISABLE", "REINSTATE");

    public boolean disabled() {
        return "DISABLE".equals(banState);
    }
}
