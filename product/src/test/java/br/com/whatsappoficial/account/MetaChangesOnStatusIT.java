package br.com.whatsappoficial.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxWaba;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** What Meta changes after a number is Ativa (limits, quality, names, the account's state) reaches step 3. */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "onboarding.registration-poll=200ms",
            "sandbox.webhooks.poll-interval=200ms",
            "account.reconciliation-poll=200ms"
        })
class MetaChangesOnStatusIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    StoreDirectory stores;

    @Autowired
    AccountSignals signals;

    StoreId store;
    Cookie merchant;
    SandboxWaba waba;
    SandboxPhone phone;
    SandboxConnections connections;
    SandboxConnections.Connection connection;

    @BeforeEach
    void anActiveNumber() throws Exception {
        connections = new SandboxConnections(mvc, sandbox, stores);
        connection = connections.activeNumber();
        store = connection.store();
        merchant = connection.merchant();
        waba = connection.waba();
        phone = connection.phone();
    }

    @Test
    void aRaisedMessagingLimitReachesTheStatusAndTheTimeline() {
        sandbox.setMessagingLimit(connection.business().id(), "TIER_10K");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusPage())
                        .contains("Até 10.000 clientes únicos a cada 24 horas", "Limite de envios alterado")
                        .doesNotContain("Até 250 clientes únicos"));
    }

    @Test
    void anOlderLimitThatArrivesAfterANewerOneChangesNothing() throws Exception {
        // Meta's times, ahead of the reads of the number that may still run, which are as new as their reading.
        Instant newer = Instant.now().plus(Duration.ofHours(2));
        CurrentStore.runAs(store, () -> signals.messagingLimitChanged(waba.id(), "TIER_100K", newer));
        CurrentStore.runAs(
                store, () -> signals.messagingLimitChanged(waba.id(), "TIER_2K", newer.minus(Duration.ofMinutes(1))));

        assertThat(statusPage())
                .contains("Até 100.000 clientes únicos a cada 24 horas")
                .doesNotContain("Até 2.000 clientes únicos");
    }

    @Test
    void aNumberFlaggedRedIsShownWithWhatToDoAndOnTheTimeline() {
        sandbox.setQuality(phone.id(), "RED");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusPage())
                        .contains("Qualidade baixa (vermelha)", "Qualidade alterada", "baixa (vermelha)"));
    }

    @Test
    void theAppsSubscriptionIsOneTimelineLineWhateverTheNumberOfNumbers() throws Exception {
        SandboxPhone second = connections.newPhone(waba);
        connections.connect(connection, second);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusPage())
                        .containsSubsequence("Número registrado na API oficial", "Número registrado na API oficial"));
        String page = statusPage();
        assertThat(page.split("Notificações da Meta ativadas", -1)).hasSize(2);
    }

    @Test
    void everyNameRejectionIsALineOfItsOwnWithItsReason() throws Exception {
        sandbox.rejectDisplayName(phone.id(), "NAME_FORMAT_UNACCEPTABLE");
        sandbox.rejectDisplayName(phone.id(), "NAME_NOT_CONSISTENT");
        sandbox.rejectDisplayName(phone.id(), "NAME_INDIVIDUAL_ISSUE");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusPage())
                        .contains(
                                "o formato do nome não segue as diretrizes",
                                "o nome não corresponde à marca ou ao site da empresa",
                                "o nome parece ser de uma pessoa, não da empresa"));
        assertThat(statusPage().split("Nome de exibição reprovado", -1)).hasSize(4);
    }

    @Test
    void aRejectedNameShowsWhereToChangeItAndTheGuidelines() throws Exception {
        sandbox.rejectDisplayName(phone.id(), "NAME_FORMAT_UNACCEPTABLE");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusPage())
                        .contains("Reprovada", "Altere o nome no WhatsApp Manager")
                        .contains("https://www.facebook.com/business/help/757569725593362")
                        .contains("Abrir o console do sandbox", "faz o papel do WhatsApp Manager"));
    }

    @Test
    void aBannedNumberLeadsToTheSupportPageWithWhatSupportNeeds() throws Exception {
        sandbox.setBanState(waba.id(), "DISABLE");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusPage())
                        .contains(
                                "Reprovada",
                                "href=\"/configuracoes/whatsapp-oficial/suporte\"",
                                "Falar com o suporte"));
        String support = mvc.perform(
                        get("/configuracoes/whatsapp-oficial/suporte").cookie(merchant))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(support)
                .contains(waba.id(), phone.id(), "Reprovada", "Copiar os dados")
                .contains("canal de atendimento da plataforma");
    }

    @Test
    void anAccountScheduledForDisablingStaysAtivaWithTheWarning() {
        sandbox.setBanState(waba.id(), "SCHEDULE_FOR_DISABLE");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusPage())
                        .contains(
                                "A Meta programou a desativação desta conta",
                                "desativação da conta programada pela Meta")
                        .contains("Até 250 clientes únicos")
                        .doesNotContain("Em análise", "SCHEDULE_FOR_DISABLE"));
    }

    private String statusPage() throws Exception {
        return connections.page(merchant, "/configuracoes/whatsapp-oficial/status");
    }
}
