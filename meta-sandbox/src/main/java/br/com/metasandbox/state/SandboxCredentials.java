package br.com.metasandbox.state;

import static br.com.metasandbox.state.SqlTimes.instant;
import static br.com.metasandbox.state.SqlTimes.requiredInstant;
import static br.com.metasandbox.state.SqlTimes.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Authorization codes and access tokens of the sandbox. */
@Repository
public class SandboxCredentials {

    public record AuthorizationCode(
            String code,
            String businessId,
            Instant issuedAt,
            @Nullable Instant usedAt) {}

    private final JdbcClient jdbc;

    SandboxCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A code and the WABAs the user shared in the signup that produced it. */
    public void insertCode(String code, String businessId, List<String> sharedWabaIds, Instant issuedAt) {
        jdbc.sql("insert into sandbox_auth_codes (code, business_id, issued_at) values (:code, :business, :issued)")
                .param("code", code)
                .param("business", businessId)
                .param("issued", utc(issuedAt))
                .update();
        for (String wabaId : sharedWabaIds) {
            jdbc.sql("insert into sandbox_code_grants (code, waba_id) values (:code, :waba)")
                    .param("code", code)
                    .param("waba", wabaId)
                    .update();
        }
    }

    public Optional<AuthorizationCode> code(String code) {
        return jdbc.sql("select * from sandbox_auth_codes where code = :code")
                .param("code", code)
                .query((rs, row) -> new AuthorizationCode(
                        rs.getString("code"),
                        rs.getString("business_id"),
                        requiredInstant(rs, "issued_at"),
                        instant(rs, "used_at")))
                .optional();
    }

    /** Marks the code used; false when another exchange got there first (one-time use across nodes). */
    public boolean consume(String code, Instant now) {
        return jdbc.sql("update sandbox_auth_codes set used_at = :now where code = :code and used_at is null")
                        .param("now", utc(now))
                        .param("code", code)
                        .update()
                == 1;
    }

    /** The token exchanged for {@code code}, granted the WABAs shared in that code's signup. */
    public void insertToken(AccessToken token, String code) {
        jdbc.sql("""
                        insert into sandbox_tokens (token, business_id, issued_at, expires_at)
                        values (:token, :business, :issued, :expires)""")
                .param("token", token.token())
                .param("business", token.businessId())
                .param("issued", utc(token.issuedAt()))
                .param("expires", utc(token.expiresAt()))
                .update();
        jdbc.sql("""
                        insert into sandbox_token_grants (token, waba_id)
                        select :token, waba_id from sandbox_code_grants where code = :code""").param("token", token.token()).param("code", code).update();
    }

    /** The WABAs the token was granted, newest first as debug_token lists them. */
    public List<String> grantedWabaIds(String token) {
        return jdbc.sql("""
                        select w.waba_id from sandbox_token_grants g join sandbox_wabas w on w.waba_id = g.waba_id
                        where g.token = :token order by w.created_at desc, w.waba_id desc""").param("token", token).query(String.class).list();
    }

    public Optional<AccessToken> token(String token) {
        return jdbc.sql("select * from sandbox_tokens where token = :token")
                .param("token", token)
                .query((rs, row) -> new AccessToken(
                        rs.getString("token"),
                        rs.getString("business_id"),
                        requiredInstant(rs, "issued_at"),
                        requiredInstant(rs, "expires_at"),
                        instant(rs, "revoked_at")))
                .optional();
    }

    public void revokeAll(String businessId, Instant now) {
        jdbc.sql("update sandbox_tokens set revoked_at = :now where business_id = :business and revoked_at is null")
                .param("now", utc(now))
                .param("business", businessId)
                .update();
    }
}
