package br.com.metasandbox.state;

import static br.com.metasandbox.state.SqlTimes.instant;
import static br.com.metasandbox.state.SqlTimes.requiredInstant;
import static br.com.metasandbox.state.SqlTimes.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Code requests (the OTPs the simulated phone receives) and register/deregister requests. */
@Repository
public class SandboxVerification {

    public record CodeRequest(
            UUID id,
            String phoneId,
            String code,
            String method,
            Instant requestedAt,
            int failedAttempts,
            @Nullable Instant verifiedAt) {}

    private final JdbcClient jdbc;

    SandboxVerification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertCodeRequest(String phoneId, String code, String method, String language, Instant now) {
        jdbc.sql("""
                        insert into sandbox_code_requests (request_id, phone_id, code, code_method, language, requested_at,
                            failed_attempts)
                        values (:id, :phone, :code, :method, :language, :now, 0)""")
                .param("id", UUID.randomUUID())
                .param("phone", phoneId)
                .param("code", code)
                .param("method", method)
                .param("language", language)
                .param("now", utc(now))
                .update();
    }

    public int codeRequestsSince(String phoneId, Instant since) {
        return jdbc.sql("select count(*) from sandbox_code_requests where phone_id = :phone and requested_at > :since")
                .param("phone", phoneId)
                .param("since", utc(since))
                .query(Integer.class)
                .single();
    }

    public Optional<CodeRequest> latestCodeRequest(String phoneId) {
        return jdbc.sql("""
                        select * from sandbox_code_requests where phone_id = :phone
                        order by requested_at desc, request_id fetch first 1 rows only""")
                .param("phone", phoneId)
                .query((rs, row) -> new CodeRequest(
                        rs.getObject("request_id", UUID.class),
                        rs.getString("phone_id"),
                        rs.getString("code"),
                        rs.getString("code_method"),
                        requiredInstant(rs, "requested_at"),
                        rs.getInt("failed_attempts"),
                        instant(rs, "verified_at")))
                .optional();
    }

    public void recordFailedAttempt(UUID requestId) {
        jdbc.sql("update sandbox_code_requests set failed_attempts = failed_attempts + 1 where request_id = :id")
                .param("id", requestId)
                .update();
    }

    public void markVerified(UUID requestId, Instant now) {
        jdbc.sql("update sandbox_code_requests set verified_at = :now where request_id = :id")
                .param("now", utc(now))
                .param("id", requestId)
                .update();
    }

    public void insertRegistrationRequest(String phoneId, String kind, Instant now) {
        jdbc.sql("""
                        insert into sandbox_registration_requests (request_id, phone_id, kind, requested_at)
                        values (:id, :phone, :kind, :now)""")
                .param("id", UUID.randomUUID())
                .param("phone", phoneId)
                .param("kind", kind)
                .param("now", utc(now))
                .update();
    }

    public int registrationRequestsSince(String phoneId, Instant since) {
        return jdbc.sql("""
                        select count(*) from sandbox_registration_requests
                        where phone_id = :phone and requested_at > :since""")
                .param("phone", phoneId)
                .param("since", utc(since))
                .query(Integer.class)
                .single();
    }
}
