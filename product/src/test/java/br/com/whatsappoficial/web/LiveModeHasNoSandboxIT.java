package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresTestDatabase;
import br.com.whatsappoficial.store.StoreDirectory;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import jakarta.servlet.http.Cookie;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The product started with {@code META_MODE=live} alone (no profile) and the sandbox's jar on its class path, as
 * in every test run: the sandbox's one gate stays shut, so not a bean, route, static file, table, message or
 * demo login of it exists ({@code LiveModeMetricsIT} checks the rest of live mode: Secure cookies, closed
 * metrics). On a database of its
 * own, since this run's sandbox-mode tests create the sandbox's tables in the shared one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "meta.mode=live",
            "meta.app-id=1234567890",
            "meta.app-secret=live-secret-for-tests",
            "meta.config-id=987654321",
            "meta.webhook-verify-token=live-verify"
        })
@AutoConfigureMockMvc
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

    @Autowired
    MockMvc mvc;

    @Autowired
    StoreDirectory directory;

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
                                + " where table_name like 'sandbox\\_%' or table_name like 'meta\\_sandbox%'")
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
        directory.create("Loja Viva", "Vera Viva", "vera@viva.example", "senha-viva-123");
        Cookie session = mvc.perform(
                        formLogin("/login").user("vera@viva.example").password("senha-viva-123"))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
        for (String path : new String[] {
            "/sandbox",
            "/sandbox/console.css",
            "/sandbox/signup.js",
            "/sandbox/dialog/embedded-signup",
            "/sandbox/graph/v25.0/debug_token",
            "/sandbox/graph/v25.0/oauth/access_token"
        }) {
            mvc.perform(get(path).cookie(session)).andExpect(status().isNotFound());
        }
    }

    @Test
    void noDemoUserCanLogIn() throws Exception {
        // the README's demo logins, public on purpose
        mvc.perform(formLogin("/login").user("ana@aurora.example").password("aurora-demo"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("bruno@boavista.example").password("boavista-demo"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select count(*) from stores").query(Integer.class).single())
                .as("only the store this test made")
                .isLessThanOrEqualTo(1);
    }
}
