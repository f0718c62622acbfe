package br.com.whatsappoficial.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The embedded default's database runs the same buckets: its migration, locks and upserts. */
class LoginBucketsH2Test {

    @Test
    void throttlesOnTheEmbeddedDatabaseAndForgetsExpiredBuckets() throws Exception {
        var database = new SingleConnectionDataSource(
                "jdbc:h2:mem:login-buckets;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "",
                true);
        new JdbcTemplate(database)
                .execute(new ClassPathResource("db/migration/web/V40_2__login_buckets.sql")
                        .getContentAsString(StandardCharsets.UTF_8));
        var clock = new LoginThrottleIT.MovableClock();
        LoginBuckets buckets = new LoginBuckets(database, clock);
        AuthenticationManager login =
                new LoginThrottle(buckets, LoginThrottleIT.SETTINGS).guarding(LoginThrottleIT.PASSWORDS);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login.authenticate(attempt("right"))).isInstanceOf(LoginThrottled.class);

        clock.move(Duration.ofHours(2));
        assertThat(buckets.deleteExpired()).isEqualTo(2);
        assertThat(login.authenticate(attempt("right")).isAuthenticated()).isTrue();
        database.destroy();
    }

    private static UsernamePasswordAuthenticationToken attempt(String password) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated("ana@h2.example", password);
        attempt.setDetails(new WebAuthenticationDetails("10.9.9.9", null));
        return attempt;
    }
}
