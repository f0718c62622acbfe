package br.com.whatsappoficial.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.testsupport.PostgresIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Two nodes' throttles on one PostgreSQL database, each with its own Bucket4j proxy manager and
 * connection use, as two product nodes behind the load balancer. Time is a clock the test moves.
 */
@PostgresIntegrationTest
class LoginThrottleIT {

    /** 3 failures at once, then one per 10 minutes; 5 in an hour lock the rest of the hour. */
    static final LoginThrottleSettings SETTINGS =
            new LoginThrottleSettings(3, Duration.ofMinutes(10), 5, 6, Duration.ofMinutes(10), 8, Duration.ofHours(1));

    /** The password check behind the throttle: "right" is right. */
    static final AuthenticationManager PASSWORDS = attempt -> {
        if (!"right".equals(attempt.getCredentials())) {
            throw new BadCredentialsException("wrong");
        }
        return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, java.util.List.of());
    };

    @Autowired
    DataSource database;

    final MovableClock clock = new MovableClock();
    AuthenticationManager nodeA;
    AuthenticationManager nodeB;
    String run;

    @BeforeEach
    void twoNodes() {
        nodeA = new LoginThrottle(new LoginBuckets(database, clock), SETTINGS).guarding(PASSWORDS);
        nodeB = new LoginThrottle(new LoginBuckets(database, clock), SETTINGS).guarding(PASSWORDS);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void failuresOnOneNodeCountOnTheOther() {
        fail(nodeA, "ana", "10.0.0.1");
        fail(nodeB, "ana", "10.0.0.2");
        fail(nodeA, "ana", "10.0.0.3");

        assertThatThrownBy(() -> logIn(nodeB, "ana", "right", "10.0.0.4")).isInstanceOf(LoginThrottled.class);
    }

    @Test
    void delaysGrowIntoALockThatEnds() {
        for (int i = 0; i < 3; i++) {
            fail(nodeA, "bia", "10.0.1.1");
        }
        assertThat(refusal(nodeA, "bia", "10.0.1.1")).isEqualTo(Duration.ofMinutes(10));

        clock.move(Duration.ofMinutes(10));
        fail(nodeB, "bia", "10.0.1.1");
        clock.move(Duration.ofMinutes(10));
        fail(nodeA, "bia", "10.0.1.1");
        // Five failures within the hour: waiting the spacing is no longer enough.
        clock.move(Duration.ofMinutes(10));
        assertThat(refusal(nodeB, "bia", "10.0.1.1")).isGreaterThan(Duration.ofMinutes(10));

        clock.move(Duration.ofHours(1));
        assertThat(logIn(nodeA, "bia", "right", "10.0.1.1").isAuthenticated()).isTrue();
    }

    @Test
    void aRefusedAttemptDoesNotCheckThePassword() {
        for (int i = 0; i < 3; i++) {
            fail(nodeA, "caio", "10.0.2.1");
        }

        assertThatThrownBy(() -> logIn(nodeA, "caio", "right", "10.0.2.1"))
                .isInstanceOf(LoginThrottled.class)
                .extracting(refused -> ((LoginThrottled) refused).minutesToWait())
                .isEqualTo(10L);
    }

    @Test
    void aSuccessDoesNotClearTheFailuresOtherEmailsLeftOnItsAddress() {
        // Failures from one address, spread over e-mails so that none is throttled on its own: one left.
        fail(nodeA, "d1", "10.0.3.1");
        fail(nodeB, "d1", "10.0.3.1");
        fail(nodeA, "d2", "10.0.3.1");
        fail(nodeB, "d2", "10.0.3.1");
        fail(nodeA, "d3", "10.0.3.1");
        for (int i = 0; i < 4; i++) {
            logIn(nodeA, "dono", "right", "10.0.3.1");
        }
        fail(nodeB, "d3", "10.0.3.1");

        assertThatThrownBy(() -> logIn(nodeB, "dono", "right", "10.0.3.1")).isInstanceOf(LoginThrottled.class);
        assertThat(logIn(nodeB, "dono", "right", "10.0.3.2").isAuthenticated())
                .as("from another address")
                .isTrue();
    }

    @Test
    void successesAloneAreNeverThrottled() {
        for (int i = 0; i < 20; i++) {
            assertThat(logIn(i % 2 == 0 ? nodeA : nodeB, "eva", "right", "10.0.4.1")
                            .isAuthenticated())
                    .isTrue();
        }
    }

    private void fail(AuthenticationManager node, String who, String address) {
        assertThatThrownBy(() -> logIn(node, who, "wrong", address)).isInstanceOf(BadCredentialsException.class);
    }

    private Duration refusal(AuthenticationManager node, String who, String address) {
        try {
            logIn(node, who, "wrong", address);
        } catch (LoginThrottled refused) {
            return refused.retryAfter();
        }
        throw new AssertionError("the attempt was not throttled");
    }

    private Authentication logIn(AuthenticationManager node, String who, String password, String address) {
        var attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(who + "-" + run + "@throttle.example", password);
        attempt.setDetails(new WebAuthenticationDetails(address + "-" + run, null));
        return node.authenticate(attempt);
    }

    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
