package br.com.metasandbox.graph;

import br.com.metasandbox.state.AccessToken;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling the sandbox Graph API: the app itself (app token {@code APPID|APPSECRET}) or a business,
 * through the business token it got from the code exchange.
 */
record Caller(@Nullable AccessToken token) {

    static Caller app() {
        return new Caller(null);
    }

    /** A business token reaches only its own business's WABAs and numbers; the app token reaches none. */
    boolean mayAccess(String ownerBusinessId) {
        return token != null && token.businessId().equals(ownerBusinessId);
    }
}
