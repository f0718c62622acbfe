package br.com.metasandbox.graph;

import br.com.metasandbox.MetaApp;
import br.com.metasandbox.state.AccessToken;
import br.com.metasandbox.state.SandboxCredentials;
import br.com.metasandbox.state.SandboxIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Embedded Signup's code and its exchange for a business token (contract §1-§2): the code lives 30 s
 * and works once; the token is valid for 60 days (the "…with 60 days expiration token" configuration
 * template [doc]).
 */
@Component
public class CodeExchange {

    static final Duration CODE_TTL = Duration.ofSeconds(30);
    static final Duration TOKEN_TTL = Duration.ofDays(60);

    private final MetaApp settings;
    private final SandboxCredentials credentials;
    private final Clock clock;

    CodeExchange(MetaApp settings, SandboxCredentials credentials, Clock clock) {
        this.settings = settings;
        this.credentials = credentials;
        this.clock = clock;
    }

    public String issueCode(String businessId, List<String> sharedWabaIds) {
        String code = SandboxIds.authorizationCode();
        credentials.insertCode(code, businessId, sharedWabaIds, clock.instant());
        return code;
    }

    @Transactional
    AccessToken exchange(String clientId, String clientSecret, String code) {
        if (!settings.appId().equals(clientId)) {
            throw GraphRefusal.oauth(400, 101, null, "Error validating application. Invalid application ID.");
        }
        if (!settings.appSecret().equals(clientSecret)) {
            throw GraphRefusal.oauth(400, 1, null, "Error validating client secret.");
        }
        Instant now = clock.instant();
        SandboxCredentials.AuthorizationCode issued = credentials
                .code(code)
                .orElseThrow(() -> GraphRefusal.oauth(400, 100, null, "Invalid verification code format."));
        // Subcodes 36009/36007 are unverified (contract §2); the texts are from recorded logs.
        if (issued.usedAt() != null) {
            throw used();
        }
        if (!now.isBefore(issued.issuedAt().plus(CODE_TTL))) {
            throw GraphRefusal.oauth(400, 100, 36007, "This authorization code has expired.");
        }
        if (!credentials.consume(code, now)) {
            throw used();
        }
        AccessToken token =
                new AccessToken(SandboxIds.accessToken(), issued.businessId(), now, now.plus(TOKEN_TTL), null);
        credentials.insertToken(token, code);
        return token;
    }

    private static GraphRefusal used() {
        return GraphRefusal.oauth(400, 100, 36009, "This authorization code has been used.");
    }
}
