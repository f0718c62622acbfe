package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresTestDatabase;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The product in live mode with the sandbox's jar on its class path, as in every test run: the sandbox's one
 * gate stays shut, so not a bean, route, static file, table or message of it exists. On a database of its
 * own, since this run's sandbox-mode tests create the sandbox's tables in the shared one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meta.app-id=1234567890",
            "meta.app-secret=live-secret-for-tests",
            "meta.config-id=987654321",
            "meta.webhook-verify-token=live-verify"
        })
@ActiveProfiles("live")
class LiveModeHasNoSandboxIT {

    @DynamicPropertySource
    static void liveNode(DynamicPropertyRegistry registry) throws GeneralSecurityException {
        String database = PostgresTestDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", PostgresTestDatabase::password);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
        registry.add("webhook.workers", () -> "2");
        AeadConfig.register();
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        registry.add("vault.keyset", () -> json);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @LocalServerPort
    int port;

    @Test
    void noBeanOfTheSandboxExists() {
        assertThat(Arrays.stream(context.getBeanDefinitionNames())
                        .map(context::getType)
                        .filter(type -> type != null && type.getName().startsWith("br.com.metasandbox")))
                .isEmpty();
    }

    @Test
    void noTableOfTheSandboxExists() {
        assertThat(jdbc.sql("select table_name from information_schema.tables"
                                + " where table_name like 'sandbox%' or table_name like 'meta_sandbox%'")
                        .query(String.class)
                        .list())
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version like '10_.%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void noMessageOfTheSandboxExists() {
        for (Locale locale : new Locale[] {Locale.forLanguageTag("pt-BR"), Locale.ENGLISH}) {
            assertThat(messages.getMessage("sandbox.badge", null, null, locale)).isNull();
            assertThat(messages.getMessage("sandbox.signup.window-title", null, null, locale))
                    .isNull();
        }
    }

    @Test
    void noPathOfTheSandboxIsServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {
            "/sandbox",
            "/sandbox/console.css",
            "/sandbox/signup.js",
            "/sandbox/dialog/embedded-signup",
            "/sandbox/graph/v25.0/debug_token",
            "/sandbox/graph/v25.0/oauth/access_token"
        }) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            // the product's own pages chain: a login redirect, never the sandbox's answer
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow())
                    .as(path)
                    .endsWith("/login");
        }
    }
}
