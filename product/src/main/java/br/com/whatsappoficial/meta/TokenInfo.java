package br.com.whatsappoficial.meta;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code debug_token} says of a business token (META-CONTRACT §2).
 *
 * @param expiresAt Unix seconds, 0 for never
 * @param granularScopes per permission, the WABA ids it reaches, newest first
 */
public record TokenInfo(
        @Nullable String appId,
        @Nullable String type,
        @Nullable String application,
        long expiresAt,
        long dataAccessExpiresAt,
        boolean isValid,
        long issuedAt,
        List<String> scopes,
        List<GranularScope> granularScopes,
        @Nullable String userId) {

    public static final String MANAGEMENT = "whatsapp_business_management";
    public static final String MESSAGING = "whatsapp_business_messaging";

    public TokenInfo {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        granularScopes = granularScopes == null ? List.of() : List.copyOf(granularScopes);
    }

    public record GranularScope(String scope, List<String> targetIds) {
        public GranularScope {
            targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
        }
    }

    /** Both permissions that Embedded Signup asks for. */
    public boolean grantsWhatsApp() {
        return scopes.contains(MANAGEMENT) && scopes.contains(MESSAGING);
    }

    public Optional<Instant> expiry() {
        return expiresAt == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(expiresAt));
    }

    /** The WABAs the token manages, newest first: Meta's fallback when the signup message got lost. */
    public List<String> managedWabaIds() {
        return granularScopes.stream()
                .filter(granted -> granted.scope().equals(MANAGEMENT))
                .findFirst()
                .map(GranularScope::targetIds)
                .orElse(List.of());
    }
}
