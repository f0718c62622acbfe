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
 * In sandbox mode, two demo stores with an admin each, so that a fresh clone can be tried at once. The
 * logins are public (README); they never exist in live mode.
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

    private final StoreDirectory directory;

    DemoStores(StoreDirectory directory) {
        this.directory = directory;
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
            log.info("Sandbox demo login for {}: {} / {}", demo.store(), demo.email(), demo.password());
        }
    }
}
