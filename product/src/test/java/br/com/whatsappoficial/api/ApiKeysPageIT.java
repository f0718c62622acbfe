package br.com.whatsappoficial.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.ApiKeyMode;
import br.com.whatsappoficial.store.ApiKeys;
import br.com.whatsappoficial.store.CreatedApiKey;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Configurações › WhatsApp Oficial › API: admins create and revoke keys; members never see the page. */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysPageIT {

    static final String PAGE = "/configuracoes/whatsapp-oficial/api";
    static final Pattern SECRET = Pattern.compile("wo_test_[0-9A-Za-z]{12}_[0-9A-Za-z]{43}");

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory directory;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    StoreUserPrincipal admin;
    String adminEmail;
    String memberEmail;

    @BeforeEach
    void storeWithAdminAndMember() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        adminEmail = "admin-" + run + "@loja.example";
        memberEmail = "membro-" + run + "@loja.example";
        admin = StoreFixtures.storeWithAdmin(directory, "Loja " + run, adminEmail);
        StoreFixtures.addMember(jdbc, directory, admin.storeId(), memberEmail, "senha-membro-1");
    }

    @Test
    void anAdminCreatesAKeyAndSeesItsSecretOnlyOnce(CapturedOutput output) throws Exception {
        Cookie session = logIn(adminEmail, "senha-admin-123");

        String created = mvc.perform(post(PAGE).cookie(session).with(csrf()).param("name", "Campanhas de Natal"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher secret = SECRET.matcher(created);
        assertThat(secret.find()).as("the new key is shown").isTrue();
        assertThat(created).contains("Campanhas de Natal", "não será mostrada de novo");

        String later = mvc.perform(get(PAGE).cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String key = secret.group();
        assertThat(later)
                .contains("Campanhas de Natal", key.substring(0, "wo_test_".length() + 12) + "…", "Nunca usada")
                .doesNotContain(key);

        // Used against the API, the key's secret still reaches no log line.
        mvc.perform(get("/api/v1/limits").header("Authorization", "Bearer " + key));
        mvc.perform(get("/api/v1/limits").header("Authorization", "Bearer " + key + "x"));
        assertThat(output.getAll()).doesNotContain(key.substring(key.lastIndexOf('_') + 1));
    }

    @Test
    void anEmptyNameIsRefusedWithoutCreatingAKey() throws Exception {
        Cookie session = logIn(adminEmail, "senha-admin-123");

        String page = mvc.perform(post(PAGE).cookie(session).with(csrf()).param("name", "   "))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Dê um nome à chave").doesNotContainPattern(SECRET);
        assertThat(StoreFixtures.listKeys(keys, admin)).isEmpty();
    }

    @Test
    void anAdminRevokesAKeyOfTheStore() throws Exception {
        CreatedApiKey key = StoreFixtures.createKey(keys, admin, ApiKeyMode.TEST, "Antiga");
        Cookie session = logIn(adminEmail, "senha-admin-123");

        String page = mvc.perform(post(PAGE + "/" + key.key().id() + "/revogar")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Chave revogada", "Revogada em");
        assertThat(StoreFixtures.listKeys(keys, admin))
                .singleElement()
                .satisfies(revoked -> assertThat(revoked.revokedBy()).isEqualTo(admin.displayName()));
    }

    @Test
    void aKeyOfAnotherStoreCannotBeRevokedFromHere() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreUserPrincipal other =
                StoreFixtures.storeWithAdmin(directory, "Outra " + run, "outra-" + run + "@x.example");
        CreatedApiKey theirs = StoreFixtures.createKey(keys, other, ApiKeyMode.TEST, "Deles");
        Cookie session = logIn(adminEmail, "senha-admin-123");

        mvc.perform(post(PAGE + "/" + theirs.key().id() + "/revogar")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(StoreFixtures.listKeys(keys, other))
                .singleElement()
                .satisfies(key -> assertThat(key.revoked()).isFalse());
    }

    @Test
    void aMemberGetsTheForbiddenPageAndNoLink() throws Exception {
        CreatedApiKey key = StoreFixtures.createKey(keys, admin, ApiKeyMode.TEST, "Da loja");
        Cookie session = logIn(memberEmail, "senha-membro-1");

        mvc.perform(get(PAGE).cookie(session)).andExpect(status().isForbidden());
        // The product's error page, as a browser gets it from the server.
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PAGE))
                                .header("Cookie", session.getName() + "=" + session.getValue())
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Acesso negado", "Erro 403").doesNotContain("Da loja");

        mvc.perform(post(PAGE).cookie(session).with(csrf()).param("name", "Minha"))
                .andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/" + key.key().id() + "/revogar")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(StoreFixtures.listKeys(keys, admin))
                .singleElement()
                .satisfies(k -> assertThat(k.revoked()).isFalse());

        String configuracoes = mvc.perform(get("/configuracoes").cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(configuracoes).doesNotContain(PAGE);
        String asAdmin = mvc.perform(get("/configuracoes").cookie(logIn(adminEmail, "senha-admin-123")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(asAdmin).contains(PAGE);
    }

    private Cookie logIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }
}
