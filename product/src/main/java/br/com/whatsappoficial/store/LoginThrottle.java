package br.com.whatsappoficial.store;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, on every node at once: each login (the merchants' form, and HTTP Basic
 * for support and metrics) takes a token from its e-mail's bucket and from its client address's bucket
 * before the password is checked, and a success gives both back, so only failures count. An empty
 * bucket refuses the attempt with {@link LoginThrottled} without checking the password: a correct
 * password tried during a lock is refused too, or the lock would tell a guesser when they were right.
 * A success never refills a bucket beyond the token it took: logging in with one's own account does not
 * clear the failures another e-mail left on the same address.
 */
@Component
public class LoginThrottle {

    private final LoginBuckets buckets;
    private final BucketConfiguration perAccount;
    private final BucketConfiguration perAddress;

    LoginThrottle(LoginBuckets buckets, LoginThrottleSettings settings) {
        this.buckets = buckets;
        this.perAccount = limits(
                settings.accountFreeAttempts(),
                settings.accountSpacing(),
                settings.accountAttemptsBeforeLock(),
                settings.lockFor());
        this.perAddress = limits(
                settings.addressFreeAttempts(),
                settings.addressSpacing(),
                settings.addressAttemptsBeforeLock(),
                settings.lockFor());
    }

    /** The given authentication, throttled per e-mail (or user name) and per client address. */
    public AuthenticationManager guarding(AuthenticationManager passwords) {
        return attempt -> {
            Bucket address = buckets.builder().build(key("address", address(attempt)), () -> perAddress);
            Bucket account = buckets.builder().build(key("account", attempt.getName()), () -> perAccount);
            take(address);
            try {
                take(account);
            } catch (LoginThrottled refused) {
                address.addTokens(1);
                throw refused;
            }
            Authentication authenticated = passwords.authenticate(attempt);
            address.addTokens(1);
            account.addTokens(1);
            return authenticated;
        };
    }

    /**
     * HTTP Basic's answer to a refused login: 429 with {@code Retry-After} when throttled, otherwise the
     * usual 401 challenge of {@code realm}.
     */
    public AuthenticationEntryPoint basicEntryPoint(String realm) {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName(realm);
        return (request, response, failure) -> {
            if (failure instanceof LoginThrottled throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(throttled.retryAfter().toSeconds() + 1));
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("Muitas tentativas de entrar. Tente de novo mais tarde.");
                return;
            }
            challenge.commence(request, response, failure);
        };
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteExpired() {
        buckets.deleteExpired();
    }

    private static void take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new LoginThrottled(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static BucketConfiguration limits(int free, Duration spacing, int beforeLock, Duration lockFor) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(free)
                        .refillGreedy(1, spacing)
                        .build())
                .addLimit(Bandwidth.builder()
                        .capacity(beforeLock)
                        .refillIntervally(beforeLock, lockFor)
                        .build())
                .build();
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
    }

    /** A fixed-length row id that does not keep the e-mail or address itself. */
    static String key(String kind, String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(value.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
