package br.com.whatsappoficial.store;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login attempt refused unchecked: its e-mail or its address failed too often lately. */
public class LoginThrottled extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
        super("too many failed logins; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    /** How long until the next attempt would be checked. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes to wait, at least one: what the login page tells a person. */
    public long minutesToWait() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
