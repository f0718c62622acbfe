package br.com.metasandbox.state;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A business integration system user access token issued by the code exchange (contract §2). */
public record AccessToken(
        String token,
        String businessId,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant revokedAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
