package br.com.whatsappoficial.api;

import br.com.whatsappoficial.store.ApiKeySecret;
import br.com.whatsappoficial.store.AuthenticatedApiKey;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Spring Security's view of a bearer key: before authentication it holds the presented key (whose
 * {@code toString} hides the secret), after it the key's store.
 */
final class ApiKeyAuthenticationToken extends AbstractAuthenticationToken {

    static final String ROLE = "CAMPAIGN_ENGINE";

    private final @Nullable ApiKeySecret presented;
    private final @Nullable AuthenticatedApiKey key;

    private ApiKeyAuthenticationToken(@Nullable ApiKeySecret presented, @Nullable AuthenticatedApiKey key) {
        super(key == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.presented = presented;
        this.key = key;
        setAuthenticated(key != null);
    }

    static ApiKeyAuthenticationToken presented(ApiKeySecret secret) {
        return new ApiKeyAuthenticationToken(secret, null);
    }

    static ApiKeyAuthenticationToken authenticated(AuthenticatedApiKey key) {
        return new ApiKeyAuthenticationToken(null, key);
    }

    @Nullable
    ApiKeySecret presentedKey() {
        return presented;
    }

    @Override
    public @Nullable Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return key != null ? key : String.valueOf(presented);
    }
}
