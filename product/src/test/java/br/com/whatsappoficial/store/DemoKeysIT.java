package br.com.whatsappoficial.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** In sandbox mode each demo store has a working test key, printed next to its login and in the README. */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoKeysIT {

    @Autowired
    DemoStores demoStores;

    @Autowired
    ApiKeyAuthentication authentication;

    @Autowired
    StoreDirectory directory;

    @Autowired
    ApiKeys keys;

    @Test
    void eachDemoStoreHasOneKeyPrintedOnItsLoginLine(CapturedOutput output) {
        demoStores.run(null);

        for (DemoStores.DemoLogin demo : DemoStores.LOGINS) {
            String key = DemoStores.demoKey(demo).reveal();
            assertThat(key).startsWith("wo_test_");
            assertThat(output.getOut().lines())
                    .anySatisfy(line -> assertThat(line).contains(demo.store(), demo.email(), demo.password(), key));

            StoreId store = directory.findLogin(demo.email()).orElseThrow().storeId();
            assertThat(authentication.authenticate(ApiKeySecret.parse(key).orElseThrow()))
                    .hasValueSatisfying(
                            authenticated -> assertThat(authenticated.storeId()).isEqualTo(store));
            // A second start neither adds a key nor changes it.
            ApiKeyId id = DemoStores.demoKey(demo).id();
            assertThat(CurrentStore.callAs(store, keys::list))
                    .filteredOn(each -> each.id().equals(id))
                    .hasSize(1);
        }
    }

    @Test
    void theReadmeListsEachDemoKey() throws Exception {
        // The product's tests run in product/, the README is the repository's.
        String readme = Files.readString(Path.of("..", "README.md"));

        for (DemoStores.DemoLogin demo : DemoStores.LOGINS) {
            assertThat(readme).contains(DemoStores.demoKey(demo).reveal());
        }
    }
}
