package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.metasandbox.SandboxFault;
import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The store's suppression list on PostgreSQL: each way a customer comes onto it (a stop word alone, Meta's
 * marketing stop from the customer's phone, a send Meta fails with 131050, the merchant), with or without
 * the 9th digit; what a send and a dry run then answer; how an entry is lifted, and by whom.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@Import(SendingStores.class)
@TestPropertySource(
        properties = {
            "messaging.proactive-floor=3",
            "messaging.outbox-poll=100ms",
            "messaging.retry-delay=200ms",
            "account.reconciliation-poll=1h",
            "template.sync-poll=1h"
        })
class OptOutsIT {

    static final String PAGE = "/configuracoes/whatsapp-oficial/descadastros";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    SendingStores stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    StoreDirectory directory;

    @Autowired
    JdbcClient jdbc;

    Shop shop;
    CampaignEngine engine;

    @BeforeEach
    void aConnectedStoreWithAnApprovedTemplate() {
        shop = stores.connected("descadastros");
        engine = new CampaignEngine(mvc, shop.key(), port);
        stores.approvedTemplate(shop, "pedido_enviado", "Olá {{1}}, seu pedido saiu.", Map.of("1", "Ana"));
    }

    @AfterEach
    void metaAnswersAgain() {
        sandbox.clearFaults();
    }

    @Test
    void aStopWordAloneOptsTheCustomerOutAndOnlyTheirLaterMessageLetsTheStoreAnswer() throws Exception {
        String eight = SendingStores.plainEightDigits();
        String withNinth = "+55 31 9" + eight;
        String withoutNinth = "+55 31 " + eight;
        // A sentence with a stop word in it is a conversation: the store answers in the window it opened.
        sandbox.customerSends(shop.phone().id(), withNinth, "Ana", "Não quero cancelar meu pedido");
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(() -> send(text(withNinth)).andExpect(status().isAccepted()));

        // The sandbox, like Meta for older accounts, names this customer without the 9th digit.
        sandbox.customerSends(shop.phone().id(), withNinth, "Ana", "Parar!");

        awaitOptedOut(withoutNinth);
        send(template(withoutNinth))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("recipient_opted_out"))
                .andExpect(jsonPath("$.title").value("O cliente pediu para não receber mensagens"))
                .andExpect(jsonPath("$.optedOutAt").isNotEmpty());
        // The stop opened a window too; it lets nothing through.
        send(text(withNinth)).andExpect(jsonPath("$.code").value("recipient_opted_out"));
        check(withNinth, withoutNinth)
                .andExpect(
                        jsonPath("$.data[*].verdict").value(org.hamcrest.Matchers.contains("opted_out", "opted_out")));
        limits().andExpect(jsonPath("$.proactive.used").value(0));
        page(owner())
                .andExpect(
                        content().string(containsString("+55 31 9" + eight.substring(0, 4) + "-" + eight.substring(4))))
                .andExpect(content().string(containsString("Pediu para sair por mensagem")))
                .andExpect(content().string(containsString("“Parar!”")));

        // Writing again later, the customer starts a conversation the store may answer.
        assertThat(engine.webhook(inbound(
                        "55319" + eight, "Oi, meu pedido chegou?", Instant.now().plusSeconds(5))))
                .isEqualTo(200);
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(() -> send(text(withoutNinth))
                        .andExpect(status().isAccepted())
                        .andExpect(jsonPath("$.countsAgainstLimit").value(false)));
        check(withNinth).andExpect(jsonPath("$.data[0].verdict").value("free"));
    }

    @Test
    void aMarketingStopFromTheCustomersPhoneHoldsNoSlotUntilTheyResume() throws Exception {
        String eight = SendingStores.plainEightDigits();
        String withNinth = "+55 21 9" + eight;

        sandbox.customerSetsMarketing(shop.phone().id(), "+55 21 " + eight, "Bia", true);

        awaitOptedOut(withNinth);
        send(template(withNinth))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("recipient_opted_out"));
        limits().andExpect(jsonPath("$.proactive.used").value(0));
        page(owner()).andExpect(content().string(containsString("Parou as promoções da loja no WhatsApp")));

        sandbox.customerSetsMarketing(shop.phone().id(), "+55 21 " + eight, "Bia", false);

        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(() -> send(template(withNinth))
                        .andExpect(status().isAccepted())
                        .andExpect(jsonPath("$.countsAgainstLimit").value(true)));
        limits().andExpect(jsonPath("$.proactive.used").value(1));
    }

    @Test
    void aSendMetaFailsWith131050OptsTheCustomerOutWhetherInAStatusOrInItsAnswer() throws Exception {
        // The sandbox fails every send to a number ending in 1050 with 131050, in a failed status.
        String eight = "8" + ThreadLocalRandom.current().nextInt(100, 1000) + "1050";
        String id = id(send(template("+55 11 9" + eight)).andExpect(status().isAccepted()));
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(
                        () -> read(id).andExpect(jsonPath("$.error.metaCode").value(131050)));
        awaitOptedOut("+55 11 " + eight);
        send(template("+55 11 " + eight)).andExpect(jsonPath("$.code").value("recipient_opted_out"));

        // Meta may also refuse the send itself.
        sandbox.setFault("messages", SandboxFault.graphError(131050));
        String refused = customer();
        String refusedId = id(send(template(refused)).andExpect(status().isAccepted()));
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(
                        () -> read(refusedId).andExpect(jsonPath("$.status").value("failed")));
        sandbox.clearFaults();
        send(template(refused)).andExpect(jsonPath("$.code").value("recipient_opted_out"));
        check(refused, "+55 11 9" + eight)
                .andExpect(
                        jsonPath("$.data[*].verdict").value(org.hamcrest.Matchers.contains("opted_out", "opted_out")));
        page(owner()).andExpect(content().string(containsString("A Meta recusou um envio")));
        // The first send's slot stays (Meta accepted it before failing it); the refused one's went back,
        // and the refusals of the list took none.
        limits().andExpect(jsonPath("$.proactive.used").value(1));
    }

    @Test
    void membersSeeTheListOnlyAdminsChangeItAndAnotherStoreNeitherSeesNorLiftsIt() throws Exception {
        StoreUserPrincipal admin = owner();
        String memberEmail = "membro-" + UUID.randomUUID() + "@envios.example";
        StoreFixtures.addMember(jdbc, directory, shop.store(), memberEmail, "senha-membro-1");
        StoreUserPrincipal member = StoreFixtures.login(directory, memberEmail);
        Shop other = stores.connected("vizinha");
        StoreUserPrincipal otherAdmin = StoreFixtures.addAdmin(
                jdbc, directory, other.store(), "admin-" + UUID.randomUUID() + "@vizinha.example", "senha-admin-1");
        String eight = SendingStores.plainEightDigits();
        String customer = "5511" + "9" + eight;

        mvc.perform(post(PAGE).with(user(member)).with(csrf()).param("number", "(11) 9" + eight))
                .andExpect(status().isForbidden());
        mvc.perform(post(PAGE).with(user(admin)).with(csrf()).param("number", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Informe um número de WhatsApp válido")));
        mvc.perform(post(PAGE).with(user(admin)).with(csrf()).param("number", "(11) " + eight))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Incluído pela equipe da loja")));
        send(template("+" + customer)).andExpect(jsonPath("$.code").value("recipient_opted_out"));

        page(member)
                .andExpect(
                        content().string(containsString("+55 11 9" + eight.substring(0, 4) + "-" + eight.substring(4))))
                .andExpect(content().string(not(containsString("/descadastros/remover"))));
        mvc.perform(post(PAGE + "/remover").with(user(member)).with(csrf()).param("customer", customer))
                .andExpect(status().isForbidden());
        page(otherAdmin).andExpect(content().string(not(containsString(eight.substring(4)))));
        mvc.perform(post(PAGE + "/remover").with(user(otherAdmin)).with(csrf()).param("customer", customer))
                .andExpect(status().isNotFound());
        send(template("+" + customer)).andExpect(jsonPath("$.code").value("recipient_opted_out"));

        mvc.perform(post(PAGE + "/remover").with(user(admin)).with(csrf()).param("customer", customer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("saiu da lista")));
        send(template("+" + customer)).andExpect(status().isAccepted());
        page(admin).andExpect(content().string(containsString("Nenhum cliente pediu para sair")));
    }

    /** Waits with the dry run, which holds nothing, until the customer is on the list. */
    private void awaitOptedOut(String recipient) {
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(() ->
                        check(recipient).andExpect(jsonPath("$.data[0].verdict").value("opted_out")));
    }

    private StoreUserPrincipal owner() {
        return StoreFixtures.addAdmin(
                jdbc, directory, shop.store(), "dona-" + UUID.randomUUID() + "@envios.example", "senha-admin-1");
    }

    private ResultActions page(StoreUserPrincipal who) throws Exception {
        return mvc.perform(get(PAGE).with(user(who))).andExpect(status().isOk());
    }

    private String inbound(String waId, String body, Instant at) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"5511987654321","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"wamid.in-%s","timestamp":"%d",
                   "type":"text","text":{"body":"%s"}}]}}]}]}""".formatted(
                        shop.waba().id(), shop.phone().id(), waId, waId, UUID.randomUUID(), at.getEpochSecond(), body);
    }

    private static String customer() {
        return "+55 11 9" + SendingStores.plainEightDigits();
    }

    private static String template(String to) {
        return """
                {"to": "%s", "template": {"name": "pedido_enviado", "parameters": ["Ana"]}}""".formatted(to);
    }

    private static String text(String to) {
        return """
                {"to": "%s", "text": {"body": "Seu pedido saiu."}}""".formatted(to);
    }

    private ResultActions send(String body) throws Exception {
        return engine.send(body);
    }

    private ResultActions check(String... recipients) throws Exception {
        return engine.check(recipients);
    }

    private ResultActions read(String id) throws Exception {
        return engine.read(id);
    }

    private ResultActions limits() throws Exception {
        return engine.limits();
    }

    private static String id(ResultActions result) throws Exception {
        return CampaignEngine.id(result);
    }
}
