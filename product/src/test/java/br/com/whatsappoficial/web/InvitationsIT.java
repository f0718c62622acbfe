package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreRole;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Configurações › Equipe: an admin invites a person, who sets their own password once through the link. */
@PostgresIntegrationTest
@AutoConfigureMockMvc
class InvitationsIT {

    private static final Pattern LINK = Pattern.compile("http://localhost/convite/([0-9A-Za-z]{43})");

    @Autowired
    MockMvc mvc;

    @Autowired
    StoreDirectory directory;

    @Autowired
    JdbcClient jdbc;

    StoreUserPrincipal admin;
    String invited;
    Cookie adminSession;

    @BeforeEach
    void storeWithAdmin() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        admin = StoreFixtures.storeWithAdmin(directory, "Loja Convite " + run, "admin-" + run + "@convite.example");
        invited = "Nova-" + run + "@Convite.example";
        adminSession = logIn(admin.getUsername(), "senha-admin-123");
    }

    @Test
    void theInvitedPersonSetsAPasswordOnceAndLogsInAsAMember() throws Exception {
        String token = invite(invited, StoreRole.MEMBER);

        mvc.perform(get("/convite/" + token))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains(admin.storeName(), invited.toLowerCase(), "Membro"));
        mvc.perform(post("/convite/" + token)
                        .with(csrf())
                        .param("name", "Nina Nova")
                        .param("password", "senha-da-nina")
                        .param("confirmation", "senha-da-nina"))
                .andExpect(redirectedUrl("/login?convite"));

        StoreUserPrincipal member = StoreFixtures.login(directory, invited);
        assertThat(member.storeId()).isEqualTo(admin.storeId());
        assertThat(member.role()).isEqualTo(StoreRole.MEMBER);
        assertThat(member.displayName()).isEqualTo("Nina Nova");
        mvc.perform(formLogin("/login").user(invited).password("senha-da-nina")).andExpect(redirectedUrl("/"));
        // used once, the link opens nothing
        mvc.perform(get("/convite/" + token)).andExpect(status().isNotFound());
        mvc.perform(post("/convite/" + token)
                        .with(csrf())
                        .param("name", "Outra Pessoa")
                        .param("password", "outra-senha-1")
                        .param("confirmation", "outra-senha-1"))
                .andExpect(status().isNotFound());
        assertThat(StoreFixtures.login(directory, invited).displayName()).isEqualTo("Nina Nova");
    }

    @Test
    void onlyTheTokensHashIsStored() throws Exception {
        String token = invite(invited, StoreRole.ADMIN);

        assertThat(jdbc.sql("select count(*) from store_invitations where cast(token_hash as varchar) like :token"
                                + " or email like :token")
                        .param("token", "%" + token + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select role from store_invitations where email = :email")
                        .param("email", invited.toLowerCase())
                        .query(String.class)
                        .single())
                .isEqualTo("ADMIN");
    }

    @Test
    void anExpiredInvitationOpensNothing() throws Exception {
        String token = invite(invited, StoreRole.MEMBER);
        jdbc.sql(
                        "update store_invitations set expires_at = current_timestamp - interval '1' minute where email = :email")
                .param("email", invited.toLowerCase())
                .update();

        mvc.perform(get("/convite/" + token))
                .andExpect(status().isNotFound())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).contains("Este convite não vale mais"));
        assertThat(directory.emailInUse(invited)).isFalse();
    }

    @Test
    void refusesABadEmailOrOneAlreadyInUseInPortuguese() throws Exception {
        assertThat(invitePage("não-é-email")).contains("Digite um e-mail válido");
        assertThat(invitePage(admin.getUsername())).contains("Este e-mail já tem acesso a uma loja");
        assertThat(jdbc.sql("select count(*) from store_invitations where store_id = :store")
                        .param("store", admin.storeId().value())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void differentPasswordsAreRefusedAndTheLinkStillWorks() throws Exception {
        String token = invite(invited, StoreRole.MEMBER);

        mvc.perform(post("/convite/" + token)
                        .with(csrf())
                        .param("name", "Nina")
                        .param("password", "senha-da-nina")
                        .param("confirmation", "senha-da-nana"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("As duas senhas não são iguais"));
        mvc.perform(get("/convite/" + token)).andExpect(status().isOk());
    }

    @Test
    void anAdminSeesTheOpenInvitationsAndRevokesOneWhoseLinkThenOpensNothing() throws Exception {
        String token = invite(invited, StoreRole.MEMBER);
        String page = settingsPage(adminSession);
        assertThat(page).contains(invited.toLowerCase(), "Convites pendentes");

        mvc.perform(post("/configuracoes/equipe/convites/" + invitationId(page) + "/revogar")
                        .cookie(adminSession)
                        .with(csrf()))
                .andExpect(redirectedUrl("/configuracoes#convites"))
                .andExpect(flash().attribute("revokedInvitation", invited.toLowerCase()));

        mvc.perform(get("/convite/" + token)).andExpect(status().isNotFound());
        assertThat(settingsPage(adminSession))
                .contains("Convite de " + invited.toLowerCase() + " revogado")
                .doesNotContain("data-testid=\"open-invitation\"");
    }

    @Test
    void anotherStoresAdminNeitherSeesNorRevokesAnInvitation() throws Exception {
        String token = invite(invited, StoreRole.MEMBER);
        String id = invitationId(settingsPage(adminSession));
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreUserPrincipal other =
                StoreFixtures.storeWithAdmin(directory, "Outra Loja " + run, "outra-" + run + "@convite.example");
        Cookie otherSession = logIn(other.getUsername(), "senha-admin-123");

        assertThat(settingsPage(otherSession)).doesNotContain(invited.toLowerCase());
        mvc.perform(post("/configuracoes/equipe/convites/" + id + "/revogar")
                        .cookie(otherSession)
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Esse convite já foi usado, expirou ou foi revogado."));

        mvc.perform(get("/convite/" + token)).andExpect(status().isOk());
    }

    private String settingsPage(Cookie session) throws Exception {
        return mvc.perform(get("/configuracoes").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String invitationId(String page) {
        Matcher revoke = Pattern.compile("/configuracoes/equipe/convites/([0-9a-f-]{36})/revogar")
                .matcher(page);
        assertThat(revoke.find()).as("the page has a revoke button").isTrue();
        return revoke.group(1);
    }

    private String invite(String email, StoreRole role) throws Exception {
        String page = mvc.perform(post("/configuracoes/equipe/convites")
                        .cookie(adminSession)
                        .with(csrf())
                        .param("email", email)
                        .param("role", role.name()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher link = LINK.matcher(page);
        assertThat(link.find()).as("the page shows the invitation's link").isTrue();
        return link.group(1);
    }

    private String invitePage(String email) throws Exception {
        return mvc.perform(post("/configuracoes/equipe/convites")
                        .cookie(adminSession)
                        .with(csrf())
                        .param("email", email)
                        .param("role", "MEMBER"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private Cookie logIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }
}
