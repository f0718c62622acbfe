package br.com.whatsappoficial.profile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a number was last given.
 *
 * @param pictureDigest the picture Meta has from us, by its digest
 * @param failure the error class of the last attempt when it failed after the last success
 */
record NumberSyncState(
        String phoneNumberId,
        @Nullable String pictureDigest,
        @Nullable Instant syncedAt,
        @Nullable Instant failedAt,
        @Nullable String failure) {

    static NumberSyncState never(String phoneNumberId) {
        return new NumberSyncState(phoneNumberId, null, null, null, null);
    }

    /** Whether the last attempt failed; public for the page's expressions. */
    public boolean failing() {
        return failedAt != null && (syncedAt == null || failedAt.isAfter(syncedAt));
    }
}
