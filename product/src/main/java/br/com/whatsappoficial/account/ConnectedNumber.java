package br.com.whatsappoficial.account;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A number of a store's WABA with Meta's signals as last received, and the status they add up to.
 *
 * @param active whether campaigns use this number (F6: one active at first)
 */
public record ConnectedNumber(
        String phoneNumberId,
        String wabaId,
        BrazilianPhoneNumber number,
        @Nullable String verifiedName,
        @Nullable String qualityRating,
        @Nullable String messagingLimit,
        Throughput throughput,
        MetaSignals signals,
        boolean active,
        Instant createdAt,
        @Nullable Instant lastSyncedAt) {

    public StatusVerdict verdict() {
        return signals.verdict();
    }

    /** Meta's reported limit of unique customers per 24 h; empty when Meta has not reported a known tier. */
    public Optional<MessagingLimit> metaLimit() {
        return MessagingTier.limit(messagingLimit);
    }
}
