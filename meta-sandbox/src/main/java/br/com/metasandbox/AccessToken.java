package br.com.metasandbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A business integration system user access token issued by the code exchange (contract §2). */
record AccessToken(
        String token,
        String businessId,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant revokedAt) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    boolean revoked() {
        return revokedAt != null;
    }
}
