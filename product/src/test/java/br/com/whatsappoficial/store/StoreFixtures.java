package br.com.whatsappoficial.store;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stores, users and keys for tests of other packages, made through the store module's own code. */
public final class StoreFixtures {

    private StoreFixtures() {}

    /** A store with its admin (password {@code senha-admin-123}); returns the admin. */
    public static StoreUserPrincipal storeWithAdmin(StoreDirectory directory, String storeName, String email) {
        directory.create(storeName, "Admin " + storeName, email, "senha-admin-123");
        return directory.findLogin(email).orElseThrow();
    }

    /** A member (not admin) of the store, who logs in with {@code password}. */
    public static void addMember(
            JdbcClient jdbc, StoreDirectory directory, StoreId store, String email, String password) {
        addUser(jdbc, store, email, password, "Membro da loja", StoreRole.MEMBER);
    }

    /** Another admin of the store, who logs in with {@code password}; returns them as the login finds them. */
    public static StoreUserPrincipal addAdmin(
            JdbcClient jdbc, StoreDirectory directory, StoreId store, String email, String password) {
        addUser(jdbc, store, email, password, "Admin da loja", StoreRole.ADMIN);
        return login(directory, email);
    }

    private static void addUser(
            JdbcClient jdbc, StoreId store, String email, String password, String name, StoreRole role) {
        jdbc.sql("""
                        insert into store_users (user_id, store_id, email, display_name, password_hash, role, created_at)
                        values (:id, :store, :email, :name, :hash, :role, current_timestamp)""")
                .param("id", UUID.randomUUID())
                .param("store", store.value())
                .param("email", email)
                .param("name", name)
                .param("hash", "{noop}" + password)
                .param("role", role.name())
                .update();
    }

    /** The store user who logs in with this e-mail, as the login would find them. */
    public static StoreUserPrincipal login(StoreDirectory directory, String email) {
        return directory.findLogin(email).orElseThrow();
    }

    public static CreatedApiKey createKey(ApiKeys keys, StoreUserPrincipal admin, ApiKeyMode mode, String name) {
        return CurrentStore.callAs(admin.storeId(), () -> keys.create(mode, new ApiKeyName(name), admin));
    }

    public static java.util.List<ApiKey> listKeys(ApiKeys keys, StoreUserPrincipal admin) {
        return CurrentStore.callAs(admin.storeId(), keys::list);
    }

    public static void revoke(ApiKeys keys, StoreUserPrincipal admin, ApiKeyId key) {
        CurrentStore.runAs(admin.storeId(), () -> keys.revoke(key, admin));
    }

    /** The demo key of a demo store, as the log and the README show it. */
    public static String demoKey(String adminEmail) {
        return DemoStores.LOGINS.stream()
                .filter(login -> login.email().equals(adminEmail))
                .map(DemoStores::demoKey)
                .findFirst()
                .orElseThrow()
                .reveal();
    }
}
