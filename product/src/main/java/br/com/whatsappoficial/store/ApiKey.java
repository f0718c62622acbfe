package br.com.whatsappoficial.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An API key of the current store as its list shows it; the secret is not part of it, only its hash is
 * stored.
 *
 * @param createdBy the name of the admin who created it, as it was then
 * @param lastUsedAt when a request last authenticated with it, to the minute
 */
public record ApiKey(
        ApiKeyId id,
        String name,
        ApiKeyMode mode,
        Instant createdAt,
        String createdBy,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy) {

    /** The non-secret start of the key, by which a merchant recognises it in their engine's settings. */
    public String prefix() {
        return mode.prefix() + id.value();
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
