package br.com.whatsappoficial.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Configurações once a number is connected: its state, its WABA, the number campaigns use and the capabilities. */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "onboarding.registration-poll=200ms",
            "sandbox.webhooks.poll-interval=200ms",
            "account.reconciliation-poll=200ms"
        })
class ConnectedViewIT {

    private static final String CARD = "/configuracoes/whatsapp-oficial/cartao";

    @Autowired
    MockMvc mvc;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    StoreDirectory stores;

    @Autowired
    ConnectedAccounts accounts;

    SandboxConnections connections;
    SandboxConnections.Connection connection;

    @BeforeEach
    void anActiveNumber() throws Exception {
        connections = new SandboxConnections(mvc, sandbox, stores);
        connection = connections.activeNumber();
    }

    @Test
    void theConnectedViewShowsTheStatusTheWabaTheNumberAndEveryCapability() throws Exception {
        String card = connections.page(connection.merchant(), CARD);

        assertThat(card)
                .contains("WhatsApp API Conectado", "Ativa", connection.waba().id())
                .contains(display(connection.phone()))
                .contains(
                        "/configuracoes/whatsapp-oficial/resposta-automatica/cartao",
                        "/configuracoes/whatsapp-oficial/personalizar/cartao",
                        "/configuracoes/whatsapp-oficial/testar-conta/cartao",
                        "/configuracoes/whatsapp-oficial/modelos",
                        "/configuracoes/whatsapp-oficial/api")
                // one number: nothing to choose
                .doesNotContain("Usar este número");
    }

    @Test
    void aStoreWithNothingConnectedIsLedToTheWizard() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        stores.create("Loja N " + run, "Nair", "n-" + run + "@n.example", "senha-n-123");
        Cookie nair = connections.login("n-" + run + "@n.example", "senha-n-123");

        assertThat(connections.page(nair, CARD))
                .contains("Conecte o número da sua loja", "href=\"/configuracoes/whatsapp-oficial\"")
                .doesNotContain("WhatsApp API Conectado");
    }

    @Test
    void theMerchantChoosesWhichOfTheNumbersCampaignsUse() throws Exception {
        SandboxPhone second = secondNumber();

        choose(connection.merchant(), second);

        assertThat(connections.page(connection.merchant(), CARD)).contains(display(second), "Usar este número");
        CurrentStore.runAs(connection.store(), () -> {
            assertThat(accounts.number(second.id()).orElseThrow().active()).isTrue();
            assertThat(accounts.number(connection.phone().id()).orElseThrow().active())
                    .isFalse();
        });
        assertThat(connections.page(connection.merchant(), "/configuracoes/whatsapp-oficial/status"))
                .contains("Número escolhido para as campanhas");
    }

    @Test
    void aNumberMetaRejectedCannotBeChosen() throws Exception {
        SandboxPhone second = secondNumber();
        sandbox.rejectDisplayName(second.id(), "NAME_FORMAT_UNACCEPTABLE");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(connections.page(connection.merchant(), CARD))
                        .contains("Reprovada"));

        choose(connection.merchant(), second);

        CurrentStore.runAs(
                connection.store(),
                () -> assertThat(accounts.number(connection.phone().id())
                                .orElseThrow()
                                .active())
                        .isTrue());
    }

    @Test
    void anotherStoresAdminCannotChooseThisStoresNumber() throws Exception {
        SandboxPhone second = secondNumber();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreFixtures.storeWithAdmin(stores, "Outra " + run, "o-" + run + "@o.example");
        Cookie other = connections.login("o-" + run + "@o.example", "senha-admin-123");

        choose(other, second);

        CurrentStore.runAs(connection.store(), () -> {
            assertThat(accounts.number(connection.phone().id()).orElseThrow().active())
                    .isTrue();
            assertThat(accounts.number(second.id()).orElseThrow().active()).isFalse();
        });
    }

    private SandboxPhone secondNumber() throws Exception {
        SandboxPhone second = connections.newPhone(connection.waba());
        connections.connect(connection, second);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(connections.page(connection.merchant(), CARD))
                        .contains("Usar este número"));
        return second;
    }

    private void choose(Cookie user, SandboxPhone number) throws Exception {
        mvc.perform(post("/configuracoes/whatsapp-oficial/numero-ativo")
                .cookie(user)
                .with(csrf())
                .param("phoneNumberId", number.id()));
    }

    private static String display(SandboxPhone phone) {
        return BrazilianPhoneNumber.parse(phone.displayPhoneNumber()).display();
    }
}
