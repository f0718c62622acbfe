package br.com.whatsappoficial.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the store of a key the campaign engine presents. One indexed read by the key's public id, then
 * a constant-time comparison of hashes; "last used" is written at most once a minute per key, by a
 * conditional update, so a busy engine does not turn every request into a write.
 */
@Component
@CrossStore("an API request has no store until its key names one")
public class ApiKeyAuthentication {

    /** How stale "last used" may be: the list shows minutes, and it spares a write per request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeyAuthentication(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The key's store; empty for an unknown key, a wrong secret, or a revoked key. */
    public Optional<AuthenticatedApiKey> authenticate(ApiKeySecret presented) {
        Optional<Row> found = jdbc.sql("""
                        select store_id, mode, secret_hash, last_used_at, revoked_at
                        from api_keys where key_id = :id""")
                .param("id", presented.id().value())
                .query((rs, n) -> new Row(
                        rs.getObject("store_id", UUID.class),
                        ApiKeyMode.valueOf(rs.getString("mode")),
                        rs.getBytes("secret_hash"),
                        rs.getObject("last_used_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        if (!presented.matches(row.secretHash()) || row.revokedAt() != null || row.mode() != presented.mode()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (row.lastUsedAt() == null || row.lastUsedAt().toInstant().isBefore(now.minus(LAST_USED_PRECISION))) {
            touch(presented.id(), now);
        }
        return Optional.of(new AuthenticatedApiKey(new StoreId(row.storeId()), presented.id(), row.mode()));
    }

    /** Only if nobody (another node, a parallel request) touched it within the minute: one write a minute. */
    private void touch(ApiKeyId id, Instant now) {
        jdbc.sql("""
                        update api_keys set last_used_at = :now
                        where key_id = :id and (last_used_at is null or last_used_at < :staleBefore)""")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("staleBefore", OffsetDateTime.ofInstant(now.minus(LAST_USED_PRECISION), ZoneOffset.UTC))
                .param("id", id.value())
                .update();
    }

    private record Row(
            UUID storeId,
            ApiKeyMode mode,
            byte[] secretHash,
            @Nullable OffsetDateTime lastUsedAt,
            @Nullable OffsetDateTime revokedAt) {}
}
