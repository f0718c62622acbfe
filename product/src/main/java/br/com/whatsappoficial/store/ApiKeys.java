package br.com.whatsappoficial.store;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current store's API keys: created by an admin (the secret shown once), listed, revoked. */
@Component
public class ApiKeys {

    private static final String COLUMNS = """
            select key_id, name, mode, created_at, created_by_name, last_used_at, revoked_at, revoked_by_name
            from api_keys
            """;

    private final StoreScopedJdbc jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(StoreScopedJdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new key for the current store; its secret is in the answer and nowhere else from then on. */
    @Transactional
    public CreatedApiKey create(ApiKeyMode mode, ApiKeyName name, StoreUserPrincipal admin) {
        ApiKeySecret secret = ApiKeySecret.generate(mode, random);
        insert(secret, name, admin.userId(), admin.displayName());
        return new CreatedApiKey(find(secret.id()).orElseThrow(), secret);
    }

    /** The store's keys, the ones still in use first, the newest first. */
    public List<ApiKey> list() {
        return jdbc.sql(COLUMNS
                        + "where store_id = :storeId order by case when revoked_at is null then 0 else 1 end,"
                        + " created_at desc, key_id")
                .query(ApiKeys::key)
                .list();
    }

    public Optional<ApiKey> find(ApiKeyId id) {
        return jdbc.sql(COLUMNS + "where store_id = :storeId and key_id = :id")
                .param("id", id.value())
                .query(ApiKeys::key)
                .optional();
    }

    /**
     * Stops the key from authenticating from the next request on; false when the store has no such key
     * or it was revoked already (a second click changes nothing, not even who revoked it).
     */
    @Transactional
    public boolean revoke(ApiKeyId id, StoreUserPrincipal admin) {
        return jdbc.sql("""
                                update api_keys set revoked_at = :now, revoked_by_name = :by
                                where store_id = :storeId and key_id = :id and revoked_at is null""")
                        .param("now", now())
                        .param("by", admin.displayName())
                        .param("id", id.value())
                        .update()
                > 0;
    }

    /** Stores a key whose secret was derived rather than drawn, unless the store has it already (revoked or not). */
    @Transactional
    ApiKey ensure(ApiKeySecret secret, ApiKeyName name, @Nullable UUID createdBy, String createdByName) {
        return find(secret.id()).orElseGet(() -> {
            insert(secret, name, createdBy, createdByName);
            return find(secret.id()).orElseThrow();
        });
    }

    private void insert(ApiKeySecret secret, ApiKeyName name, @Nullable UUID userId, String userName) {
        jdbc.sql("""
                        insert into api_keys (key_id, store_id, name, mode, secret_hash, created_at,
                                              created_by, created_by_name)
                        values (:id, :storeId, :name, :mode, :hash, :now, :userId, :userName)""")
                .param("id", secret.id().value())
                .param("name", name.value())
                .param("mode", secret.mode().name())
                .param("hash", secret.hash())
                .param("now", now())
                .param("userId", userId)
                .param("userName", userName)
                .update();
    }

    private static ApiKey key(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                new ApiKeyId(rs.getString("key_id")),
                rs.getString("name"),
                ApiKeyMode.valueOf(rs.getString("mode")),
                instant(rs, "created_at"),
                rs.getString("created_by_name"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"),
                rs.getString("revoked_by_name"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
