package br.com.whatsappoficial.store;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates stores with their first admin and finds users by login, before any store is known. */
@Component
@CrossStore("login looks a user up by e-mail before the store is known; stores are created from outside any store")
public class StoreDirectory {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StoreDirectory(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Creates a store and its admin user; the e-mail must not be in use by any store. */
    @Transactional
    public StoreId create(String storeName, String adminName, String adminEmail, String rawPassword) {
        StoreId store = StoreId.random();
        OffsetDateTime now = now();
        jdbc.sql("insert into stores (store_id, name, created_at) values (:id, :name, :now)")
                .param("id", store.value())
                .param("name", storeName)
                .param("now", now)
                .update();
        jdbc.sql("""
                        insert into store_users (user_id, store_id, email, display_name, password_hash, role, created_at)
                        values (:userId, :storeId, :email, :name, :hash, :role, :now)""")
                .param("userId", UUID.randomUUID())
                .param("storeId", store.value())
                .param("email", normalise(adminEmail))
                .param("name", adminName)
                .param("hash", passwords.encode(rawPassword))
                .param("role", StoreRole.ADMIN.name())
                .param("now", now)
                .update();
        return store;
    }

    public boolean emailInUse(String email) {
        return jdbc.sql("select count(*) from store_users where email = :email")
                        .param("email", normalise(email))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    Optional<StoreUserPrincipal> findLogin(String email) {
        return jdbc.sql("""
                        select u.user_id, u.store_id, s.name as store_name, u.email, u.display_name, u.role,
                               u.last_login_at, u.password_hash
                        from store_users u join stores s on s.store_id = u.store_id
                        where u.email = :email""")
                .param("email", normalise(email))
                .query((rs, n) -> {
                    OffsetDateTime last = rs.getObject("last_login_at", OffsetDateTime.class);
                    return new StoreUserPrincipal(
                            rs.getObject("user_id", UUID.class),
                            new StoreId(rs.getObject("store_id", UUID.class)),
                            rs.getString("store_name"),
                            rs.getString("email"),
                            rs.getString("display_name"),
                            StoreRole.valueOf(rs.getString("role")),
                            last == null ? null : last.toInstant(),
                            rs.getString("password_hash"));
                })
                .optional();
    }

    void recordLogin(UUID userId) {
        jdbc.sql("update store_users set last_login_at = :now where user_id = :userId")
                .param("now", now())
                .param("userId", userId)
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
