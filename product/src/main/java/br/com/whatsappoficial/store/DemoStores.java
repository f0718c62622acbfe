package br.com.whatsappoficial.store;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * In sandbox mode, two demo stores with an admin and an API key each, so that a fresh clone can be tried
 * at once, pages and API. The logins and keys are public (README); they never exist in live mode, and a
 * demo key, being a test key, is refused by a live node even if its database came from a sandbox.
 */
@Component
// The meta module's @ConditionalOnSandboxMode would make store (the base of every module) depend on meta.
@ConditionalOnProperty(name = "meta.mode", havingValue = "sandbox", matchIfMissing = true)
class DemoStores implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStores.class);

    record DemoLogin(String store, String admin, String email, String password) {}

    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("Loja Aurora", "Ana Lima", "ana@aurora.example", "aurora-demo"),
            new DemoLogin("Casa Boa Vista", "Bruno Costa", "bruno@boavista.example", "boavista-demo"));

    private static final ApiKeyName DEMO_KEY_NAME = new ApiKeyName("Chave de demonstração");

    private final StoreDirectory directory;
    private final ApiKeys keys;

    DemoStores(StoreDirectory directory, ApiKeys keys) {
        this.directory = directory;
        this.keys = keys;
    }

    /**
     * The demo store's key, the same on every start and machine: only its hash is stored, yet the log and
     * the README can show it.
     */
    static ApiKeySecret demoKey(DemoLogin demo) {
        return ApiKeySecret.derived(ApiKeyMode.TEST, "demo-store|" + demo.email());
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoLogin demo : LOGINS) {
            if (!directory.emailInUse(demo.email())) {
                try {
                    directory.create(demo.store(), demo.admin(), demo.email(), demo.password());
                } catch (DuplicateKeyException raceWithAnotherNode) {
                    // Another node seeded the same store between our check and our insert: nothing to do.
                }
            }
            StoreUserPrincipal admin = directory.findLogin(demo.email()).orElseThrow();
            ApiKeySecret secret = demoKey(demo);
            ApiKey key = CurrentStore.callAs(admin.storeId(), () -> ensureKey(admin, secret));
            log.info(
                    "Sandbox demo login for {}: {} / {} · API key {}{}",
                    demo.store(),
                    demo.email(),
                    demo.password(),
                    secret.reveal(),
                    key.revoked() ? " (revoked in Configurações › WhatsApp Oficial › API)" : "");
        }
    }

    /** Created on the store's first start only: a key the merchant revoked stays revoked. */
    private ApiKey ensureKey(StoreUserPrincipal admin, ApiKeySecret secret) {
        try {
            return keys.ensure(secret, DEMO_KEY_NAME, admin.userId(), admin.displayName());
        } catch (DuplicateKeyException raceWithAnotherNode) {
            return keys.find(secret.id()).orElseThrow();
        }
    }
}
