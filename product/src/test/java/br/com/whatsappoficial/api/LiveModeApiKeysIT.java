package br.com.whatsappoficial.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresTestDatabase;
import br.com.whatsappoficial.store.ApiKeyMode;
import br.com.whatsappoficial.store.ApiKeys;
import br.com.whatsappoficial.store.CreatedApiKey;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A live node makes live keys and refuses test keys, the sandbox's public demo keys among them. */
@SpringBootTest(
        properties = {
            "meta.mode=live",
            "meta.app-id=1234567890",
            "meta.app-secret=live-secret-for-tests",
            "meta.config-id=987654321",
            "meta.webhook-verify-token=live-verify"
        })
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@AutoConfigureMockMvc
class LiveModeApiKeysIT {

    @DynamicPropertySource
    static void vaultKeyset(DynamicPropertyRegistry registry) throws GeneralSecurityException {
        AeadConfig.register();
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        registry.add("vault.keyset", () -> json);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    StoreDirectory directory;

    @Autowired
    ApiKeys keys;

    StoreUserPrincipal admin;

    @BeforeEach
    void store() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        admin = StoreFixtures.storeWithAdmin(directory, "Loja ao vivo " + run, "live-" + run + "@loja.example");
    }

    @Test
    void theKeysPageMakesLiveKeys() throws Exception {
        String page = mvc.perform(post("/configuracoes/whatsapp-oficial/api")
                        .with(user(admin))
                        .with(csrf())
                        .param("name", "Produção"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .containsPattern(Pattern.compile("wo_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{43}"))
                .doesNotContain("wo_test_");
    }

    @Test
    void aLiveKeyOpensTheApiAndATestKeyNever() throws Exception {
        CreatedApiKey live = StoreFixtures.createKey(keys, admin, ApiKeyMode.LIVE, "Produção");
        CreatedApiKey test = StoreFixtures.createKey(keys, admin, ApiKeyMode.TEST, "Copiada do sandbox");

        // Authenticated as the store, which has no number yet.
        mvc.perform(get("/api/v1/limits")
                        .header("Authorization", "Bearer " + live.secret().reveal()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("number_not_ready"));
        mvc.perform(get("/api/v1/limits")
                        .header("Authorization", "Bearer " + test.secret().reveal()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthorized"));
        mvc.perform(get("/api/v1/limits")
                        .header("Authorization", "Bearer " + StoreFixtures.demoKey("ana@aurora.example")))
                .andExpect(status().isUnauthorized());
    }
}
