package br.com.metasandbox.graph;

import br.com.metasandbox.MetaApp;
import br.com.metasandbox.state.AccessToken;
import br.com.metasandbox.state.SandboxCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** Checks the access token (and {@code appsecret_proof}) of every sandbox Graph call, answering Graph's errors. */
@Component
public class GraphAuth {

    /** Graph states token expiry in Pacific time, e.g. "Tuesday, 04-Jun-19 07:00:00 PDT" [code: Graph SDK issues]. */
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern(
                    "EEEE, dd-MMM-yy HH:mm:ss z", Locale.ENGLISH)
            .withZone(ZoneId.of("America/Los_Angeles"));

    private final MetaApp settings;
    private final SandboxCredentials credentials;
    private final Clock clock;

    GraphAuth(MetaApp settings, SandboxCredentials credentials, Clock clock) {
        this.settings = settings;
        this.credentials = credentials;
        this.clock = clock;
    }

    Caller authenticate(GraphParams params) {
        String token = params.accessToken().orElseThrow(GraphAuth::missingToken);
        Caller caller = token.contains("|") ? appCaller(token) : businessCaller(token);
        params.text("appsecret_proof").ifPresent(proof -> checkProof(token, proof));
        return caller;
    }

    /** Only a business token will do (uploads, WABAs, numbers). */
    AccessToken authenticateBusiness(GraphParams params) {
        Caller caller = authenticate(params);
        if (caller.token() == null) {
            // A permissions error (code 200 family, contract §8); the exact text is unverified.
            throw GraphRefusal.of(200, "An app access token cannot do this: use the business token.");
        }
        return caller.token();
    }

    boolean isAppToken(String token) {
        return token.equals(settings.appId() + "|" + settings.appSecret());
    }

    private Caller appCaller(String token) {
        if (!isAppToken(token)) {
            throw GraphRefusal.oauth(401, 190, null, "Invalid OAuth access token signature.");
        }
        return Caller.app();
    }

    private Caller businessCaller(String value) {
        AccessToken token = credentials.token(value).orElseThrow(GraphAuth::unparseable);
        Instant now = clock.instant();
        if (token.revoked()) {
            throw revoked();
        }
        if (token.expiredAt(now)) {
            throw expired(token.expiresAt(), now);
        }
        return new Caller(token);
    }

    private void checkProof(String token, String proof) {
        byte[] expected = HexFormat.of().formatHex(hmac(token)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(
                expected, proof.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new GraphRefusal(
                    400,
                    GraphRefusal.GRAPH_METHOD,
                    100,
                    null,
                    "Invalid appsecret_proof provided in the API argument",
                    null,
                    false);
        }
    }

    private byte[] hmac(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Code 104 [code: Graph SDK issues]; HTTP 400 is what Graph answers (unverified for WhatsApp endpoints). */
    static GraphRefusal missingToken() {
        return GraphRefusal.oauth(400, 104, null, "An access token is required to request this resource.");
    }

    /** Code 190, HTTP 401 (contract §8). */
    static GraphRefusal unparseable() {
        return GraphRefusal.oauth(401, 190, null, "Invalid OAuth access token - Cannot parse access token");
    }

    /**
     * Subcode 460 ("session invalidated") for a token whose business withdrew it. Which subcode Meta uses
     * when a business removes a partner's access is undocumented: the sandbox's choice (unverified).
     */
    static GraphRefusal revoked() {
        return GraphRefusal.oauth(
                401,
                190,
                460,
                "Error validating access token: The session has been invalidated because the user changed their"
                        + " password or Facebook has changed the session for security reasons.");
    }

    /** Subcode 463 "session has expired" (Graph's access token subcodes). */
    static GraphRefusal expired(Instant expiredAt, Instant now) {
        return GraphRefusal.oauth(
                401,
                190,
                463,
                "Error validating access token: Session has expired on " + EXPIRY.format(expiredAt)
                        + ". The current time is " + EXPIRY.format(now) + ".");
    }
}
