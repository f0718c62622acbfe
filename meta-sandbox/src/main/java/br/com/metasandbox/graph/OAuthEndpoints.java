package br.com.metasandbox.graph;

import br.com.metasandbox.MetaApp;
import br.com.metasandbox.state.AccessToken;
import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.SandboxCredentials;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /oauth/access_token} and {@code GET /debug_token} (contract §2). */
@RestController
@GraphApi
@RequestMapping(GraphApi.BASE)
public class OAuthEndpoints {

    public static final String APPLICATION_NAME = "WhatsApp Oficial (sandbox)";
    static final List<String> SCOPES = List.of("whatsapp_business_management", "whatsapp_business_messaging");

    private final CodeExchange exchange;
    private final GraphAuth auth;
    private final SandboxCredentials credentials;
    private final SandboxAccounts accounts;
    private final Faults faults;
    private final MetaApp settings;
    private final Clock clock;

    OAuthEndpoints(
            CodeExchange exchange,
            GraphAuth auth,
            SandboxCredentials credentials,
            SandboxAccounts accounts,
            Faults faults,
            MetaApp settings,
            Clock clock) {
        this.exchange = exchange;
        this.auth = auth;
        this.credentials = credentials;
        this.accounts = accounts;
        this.faults = faults;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/oauth/access_token")
    Map<String, Object> accessToken(GraphParams params) {
        faults.inject(GraphOperation.OAUTH_ACCESS_TOKEN);
        String clientId = params.text("client_id")
                .orElseThrow(() -> GraphRefusal.oauth(400, 101, null, "Missing client_id parameter."));
        String clientSecret = params.text("client_secret")
                .orElseThrow(() -> GraphRefusal.oauth(400, 1, null, "Missing client_secret parameter."));
        String code =
                params.text("code").orElseThrow(() -> GraphRefusal.oauth(400, 1, null, "Missing authorization code"));
        AccessToken token = exchange.exchange(clientId, clientSecret, code);
        // Meta's page prints only the token; token_type is what clients see [code]; expires_in (unverified) left out.
        return Map.of("access_token", token.token(), "token_type", "bearer");
    }

    @GetMapping("/debug_token")
    Map<String, Object> debugToken(GraphParams params) {
        faults.inject(GraphOperation.DEBUG_TOKEN);
        auth.authenticate(params);
        String input = params.requiredText("input_token");
        return Map.of("data", describe(input));
    }

    private Map<String, Object> describe(String input) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (auth.isAppToken(input)) {
            data.put("app_id", settings.appId());
            data.put("type", "APP");
            data.put("application", APPLICATION_NAME);
            data.put("is_valid", true);
            return data;
        }
        AccessToken token = credentials.token(input).orElse(null);
        if (token == null) {
            // Shape of debug_token for a token Graph cannot parse (unverified).
            data.put("error", Map.of("code", 190, "message", "Invalid OAuth access token - Cannot parse access token"));
            data.put("is_valid", false);
            data.put("scopes", List.of());
            return data;
        }
        Business business = accounts.business(token.businessId()).orElseThrow();
        // Only the WABAs shared in the signup that issued the token, not every WABA of the business.
        List<String> wabaIds = credentials.grantedWabaIds(token.token());
        boolean valid = !token.revoked() && !token.expiredAt(clock.instant());
        data.put("app_id", settings.appId());
        data.put("type", "SYSTEM_USER");
        data.put("application", APPLICATION_NAME);
        data.put("data_access_expires_at", 0);
        data.put("expires_at", token.expiresAt().getEpochSecond());
        data.put("is_valid", valid);
        if (!valid) {
            GraphRefusal why =
                    token.revoked() ? GraphAuth.revoked() : GraphAuth.expired(token.expiresAt(), clock.instant());
            data.put("error", Map.of("code", why.code(), "message", why.getMessage(), "subcode", why.subcode()));
        }
        data.put("issued_at", token.issuedAt().getEpochSecond());
        data.put("scopes", SCOPES);
        data.put(
                "granular_scopes",
                SCOPES.stream()
                        .map(scope -> Map.of("scope", scope, "target_ids", wabaIds))
                        .toList());
        data.put("user_id", business.systemUserId());
        return data;
    }
}
