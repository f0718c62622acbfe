package br.com.whatsappoficial.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.whatsappoficial.WhatsAppOficialApplication;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** Where a node may run the sandbox without saying so, and what live mode refuses. */
@ExtendWith(OutputCaptureExtension.class)
class MetaModeGateTest {

    static final String EMBEDDED =
            "jdbc:h2:file:./data/whatsapp-oficial;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    static final String POSTGRES = "jdbc:postgresql://db.internal:5432/whatsapp_oficial";

    @Test
    void aFreshCloneRunsTheSandboxOnLoopbackWithNothingSet() {
        MockEnvironment environment = environment(Map.of("spring.datasource.url", EMBEDDED));

        assertThat(MetaModeGate.apply(environment)).isEqualTo(MetaMode.SANDBOX);
        assertThat(environment.getProperty("meta.mode")).isEqualTo("sandbox");
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void refusesAnExternalDatabaseWithoutANamedMode() {
        assertThatThrownBy(() -> MetaModeGate.apply(environment(Map.of("spring.datasource.url", POSTGRES))))
                .isInstanceOf(MetaModeRefused.class)
                .hasMessageContaining("not the embedded H2 (" + POSTGRES + ")")
                .hasMessageContaining("META_MODE is not set");
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0", "10.1.2.3", "::"})
    void refusesANonLoopbackAddressWithoutANamedMode(String address) {
        assertThatThrownBy(() -> MetaModeGate.apply(
                        environment(Map.of("spring.datasource.url", EMBEDDED, "server.address", address))))
                .isInstanceOf(MetaModeRefused.class)
                .hasMessageContaining("listens on " + address);
    }

    @Test
    void aNamedSandboxMayRunAnywhere() {
        MockEnvironment environment = environment(
                Map.of("spring.datasource.url", POSTGRES, "server.address", "0.0.0.0", "meta.mode", "sandbox"));

        assertThat(MetaModeGate.apply(environment)).isEqualTo(MetaMode.SANDBOX);
        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
    }

    @ParameterizedTest
    @CsvSource({"prod", "production", "livee", "''"})
    void refusesAModeItDoesNotKnow(String mode) {
        assertThatThrownBy(() -> MetaModeGate.apply(environment(Map.of("meta.mode", mode))))
                .isInstanceOf(MetaModeRefused.class)
                .hasMessageContaining("the only values are live and sandbox");
    }

    @Test
    void liveAloneTurnsOnWhatTheLiveProfileDid() {
        MockEnvironment environment = environment(live());

        assertThat(MetaModeGate.apply(environment)).isEqualTo(MetaMode.LIVE);
        assertThat(environment.getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("true");
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
        assertThat(environment.getProperty("meta.graph-base-url")).isEqualTo("https://graph.facebook.com");
        assertThat(environment.getProperty("server.address")).isNull();
    }

    @Test
    void theLiveProfileStillMeansLiveMode() {
        Map<String, String> settings = live();
        settings.remove("meta.mode");
        MockEnvironment environment = environment(settings);
        environment.setActiveProfiles("live");

        assertThat(MetaModeGate.apply(environment)).isEqualTo(MetaMode.LIVE);
        assertThat(environment.getProperty("meta.mode")).isEqualTo("live");
    }

    @Test
    void refusesTheLiveProfileWithANamedSandbox() {
        MockEnvironment environment = environment(Map.of("meta.mode", "sandbox"));
        environment.setActiveProfiles("live");

        assertThatThrownBy(() -> MetaModeGate.apply(environment)).hasMessageContaining("name one mode only");
    }

    @ParameterizedTest
    @CsvSource({
        "meta.app-secret, sandbox-app-secret, META_APP_SECRET",
        "meta.app-secret, , META_APP_SECRET",
        "meta.webhook-verify-token, sandbox-verify-token, META_WEBHOOK_VERIFY_TOKEN",
        "meta.webhook-verify-token, , META_WEBHOOK_VERIFY_TOKEN",
        "meta.app-id, sandbox-app, META_APP_ID",
        "meta.config-id, sandbox-config, META_CONFIG_ID",
        "webhook.previous-app-secret, sandbox-app-secret, webhook.previous-app-secret",
        "meta.graph-base-url, '', META_GRAPH_BASE_URL",
        "meta.graph-base-url, http://127.0.0.1:8080/sandbox/graph, META_GRAPH_BASE_URL",
        "meta.graph-base-url, https://graph.example.com/sandbox/graph, META_GRAPH_BASE_URL",
        "vault.keyset, , VAULT_KEYSET"
    })
    void liveModeRefusesEachSandboxDefault(String key, String value, String named) {
        Map<String, String> settings = live();
        if (value == null) {
            settings.remove(key);
        } else {
            settings.put(key, value);
        }

        assertThatThrownBy(() -> MetaModeGate.apply(environment(settings)))
                .isInstanceOfSatisfying(
                        MetaModeRefused.class,
                        refused -> assertThat(refused.reasons())
                                .singleElement()
                                .satisfies(
                                        reason -> assertThat(reason.setting()).contains(named)))
                .hasMessageContaining(named);
    }

    @Test
    void liveModeNamesEverySandboxDefaultAtOnce() {
        assertThatThrownBy(() -> MetaModeGate.apply(environment(Map.of("meta.mode", "live"))))
                .isInstanceOfSatisfying(
                        MetaModeRefused.class,
                        refused -> assertThat(refused.reasons()).hasSize(5));
    }

    @Test
    void aRefusedNodeSaysWhatToSetInBothLanguagesBeforeTouchingItsDatabase(CapturedOutput output) {
        SpringApplication application = new SpringApplication(WhatsAppOficialApplication.class);

        // nobody listens there: a node that got past the gate would fail on its connection instead
        assertThatThrownBy(() -> application
                        .run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/nowhere", "--server.port=0")
                        .close())
                .isInstanceOf(MetaModeRefused.class);
        assertThat(output.getOut() + output.getErr())
                .contains("O nó não inicia / The node refuses to start")
                .contains("O banco de dados não é o H2 embutido")
                .contains("The database is not the embedded H2")
                .contains("Defina / Set: META_MODE=live|sandbox");
    }

    private static Map<String, String> live() {
        Map<String, String> settings = new HashMap<>();
        settings.put("meta.mode", "live");
        settings.put("spring.datasource.url", POSTGRES);
        settings.put("meta.app-id", "1234567890");
        settings.put("meta.app-secret", "a-real-app-secret");
        settings.put("meta.config-id", "987654321");
        settings.put("meta.webhook-verify-token", "a-real-verify-token");
        settings.put("vault.keyset", "{\"primaryKeyId\":1}");
        return settings;
    }

    private static MockEnvironment environment(Map<String, String> properties) {
        MockEnvironment environment = new MockEnvironment();
        properties.forEach(environment::setProperty);
        return environment;
    }
}
