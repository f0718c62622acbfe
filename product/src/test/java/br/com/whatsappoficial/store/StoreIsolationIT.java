package br.com.whatsappoficial.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import br.com.testsupport.PostgresIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@PostgresIntegrationTest
@AutoConfigureMockMvc
class StoreIsolationIT {

    @Autowired
    StoreDirectory directory;

    @Autowired
    StoreTeam team;

    @Autowired
    MockMvc mvc;

    StoreId storeA;
    StoreId storeB;
    String emailA;
    String emailB;

    @BeforeEach
    void twoStores() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        emailA = "alice-" + run + "@a.example";
        emailB = "bob-" + run + "@b.example";
        storeA = directory.create("Loja A " + run, "Alice A", emailA, "senha-a-123");
        storeB = directory.create("Loja B " + run, "Bob B", emailB, "senha-b-123");
    }

    @Test
    void storeBSeesOnlyItsOwnTeam() {
        var seenByB = CurrentStore.callAs(storeB, team::members);
        assertThat(seenByB).extracting(TeamMember::email).containsExactly(emailB);
    }

    @Test
    void storeBCannotReadAUserOfStoreAEvenByItsId() {
        UUID alice = CurrentStore.callAs(storeA, team::members).getFirst().userId();
        assertThat(CurrentStore.callAs(storeA, () -> team.member(alice))).isPresent();
        assertThat(CurrentStore.callAs(storeB, () -> team.member(alice))).isEmpty();
    }

    @Test
    void storeOwnedDataIsRefusedOutsideOfAnyStore() {
        assertThatThrownBy(team::members).isInstanceOf(NoCurrentStore.class);
    }

    @Test
    void pagesOfStoreBShowNothingOfStoreA() throws Exception {
        // The session lives in the database; the browser only holds its cookie.
        Cookie asB = mvc.perform(formLogin("/login").user(emailB).password("senha-b-123"))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");

        String page = mvc.perform(get("/configuracoes").cookie(asB))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains(emailB, "Bob B").doesNotContain(emailA, "Alice A");
    }
}
