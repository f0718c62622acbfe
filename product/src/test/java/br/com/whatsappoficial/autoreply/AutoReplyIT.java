package br.com.whatsappoficial.autoreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxSentMessage;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.CampaignEngine;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import br.com.whatsappoficial.webhook.InboundMessagesReceived;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic reply on PostgreSQL with the sandbox as Meta: a customer's message is answered once with the
 * link button, not again inside the cool-down, never an echo or a status, once however often its webhook
 * arrives; a second store sees none of it.
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
class AutoReplyIT {

    static final String PAGE = "/configuracoes/whatsapp-oficial/resposta-automatica";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String REPLY = "Oi! Já vamos responder. Enquanto isso, veja as ofertas:";

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

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    Shop shop;
    StoreUserPrincipal owner;

    @BeforeEach
    void aConnectedStore() {
        shop = stores.connected("resposta");
        owner = StoreFixtures.addAdmin(
                jdbc, directory, shop.store(), "dona-" + UUID.randomUUID() + "@resposta.example", "senha-admin-1");
    }

    @Test
    void answersOnceWithTheLinkButtonThenWaitsForTheCoolDown() throws Exception {
        save(owner, "24").andExpect(content().string(containsString("Resposta automática salva")));
        String customer = customer();

        sandbox.customerSends(shop.phone().id(), customer, "Ana", "Vocês abrem amanhã?");

        SandboxSentMessage reply = awaitReplies(1).getFirst();
        assertThat(reply.type()).isEqualTo("interactive");
        assertThat(reply.payload())
                .contains("\"cta_url\"", REPLY, "Ver ofertas")
                .contains("https://loja.example/ofertas?c=1&utm_source=whatsapp&utm_medium=resposta-automatica"
                        + "&utm_campaign=sempre");
        // Inside the window the customer opened: no slot of the proactive budget.
        assertThat(jdbc.sql("select bool_or(counts_against_limit) from messaging_messages where store_id = ?")
                        .param(shop.store().value())
                        .query(Boolean.class)
                        .single())
                .isFalse();

        sandbox.customerSends(shop.phone().id(), customer, "Ana", "Oi? Alguém aí?");

        awaitDecisions(2);
        assertThat(replies()).hasSize(1);
        page(owner)
                .andExpect(content().string(containsString("Vocês abrem amanhã?")))
                .andExpect(content().string(containsString("Enviada")))
                .andExpect(content().string(containsString("Já respondido há pouco")));
    }

    @Test
    void neverAnswersAStatusOrItsOwnReplyComingBack() throws Exception {
        save(owner, "0");
        String customer = customer();
        CampaignEngine meta = new CampaignEngine(mvc, shop.key(), port);

        sandbox.customerSends(shop.phone().id(), customer, "Robô", REPLY);
        assertThat(meta.webhook(statusWebhook("wamid.qualquer-" + UUID.randomUUID())))
                .isEqualTo(200);
        // A real message afterwards: once it is answered, the two before it were decided too.
        sandbox.customerSends(shop.phone().id(), customer, "Ana", "Quero saber do meu pedido");

        awaitReplies(1);
        awaitDecisions(2);
        assertThat(reasons()).containsExactlyInAnyOrder("ECHO", "ANSWERED");
    }

    @Test
    void theSameMessageDeliveredTwiceAndOnTwoNodesIsAnsweredOnce() throws Exception {
        save(owner, "0");
        String waId = customer().substring(1);
        sandbox.recordInbound(shop.phone().id(), waId);
        InboundMessageReceived message = new InboundMessageReceived(
                shop.store(),
                shop.phone().id(),
                "wamid.duas-vezes-" + UUID.randomUUID(),
                waId,
                null,
                "Ana",
                "text",
                "Oi, tudo bem?",
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        // Two nodes' workers publishing the same inbox event at once, and its webhook delivered twice more.
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s ->
                                events.publishEvent(new InboundMessagesReceived(message.store(), List.of(message))))),
                        CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s ->
                                events.publishEvent(new InboundMessagesReceived(message.store(), List.of(message))))))
                .join();
        CampaignEngine meta = new CampaignEngine(mvc, shop.key(), port);
        assertThat(meta.webhook(inbound(message))).isEqualTo(200);
        assertThat(meta.webhook(inbound(message))).isEqualTo(200);

        awaitReplies(1);
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(PATIENCE)
                .until(() -> replies().size() == 1 && decisions() == 1);
    }

    @Test
    void badInputIsExplainedAndKeptAndAnotherStoreSeesNothing() throws Exception {
        mvc.perform(post(PAGE)
                        .with(user(owner))
                        .with(csrf())
                        .param("enabled", "on")
                        .param("body", "Olá")
                        .param("buttonLabel", "Um botão longo demais pro WhatsApp")
                        .param("link", "http://loja.example")
                        .param("mode", "ALWAYS")
                        .param("coolDownHours", "24"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no máximo 20 caracteres")))
                .andExpect(content().string(containsString("Um botão longo demais pro WhatsApp")));
        save(owner, "24");
        String customer = customer();
        sandbox.customerSends(shop.phone().id(), customer, "Ana", "Oi");
        awaitReplies(1);

        String memberEmail = "membro-" + UUID.randomUUID() + "@resposta.example";
        StoreFixtures.addMember(jdbc, directory, shop.store(), memberEmail, "senha-membro-1");
        StoreUserPrincipal member = StoreFixtures.login(directory, memberEmail);
        page(member).andExpect(content().string(containsString("loja.example/ofertas")));
        mvc.perform(post(PAGE).with(user(member)).with(csrf()).param("body", "Outro"))
                .andExpect(status().isForbidden());

        Shop other = stores.connected("vizinha");
        StoreUserPrincipal neighbour = StoreFixtures.addAdmin(
                jdbc, directory, other.store(), "admin-" + UUID.randomUUID() + "@vizinha.example", "senha-admin-1");
        String shown = customer.substring(customer.length() - 4);
        page(neighbour)
                .andExpect(content().string(not(containsString("loja.example/ofertas"))))
                .andExpect(content().string(not(containsString(shown))))
                .andExpect(content().string(containsString("Nenhuma mensagem de cliente")));
        mvc.perform(get(PAGE + "/cartao").with(user(neighbour)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Desligada")));
        mvc.perform(get(PAGE + "/cartao").with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ligada · responde sempre")))
                .andExpect(content().string(containsString("id=\"resposta-automatica\"")));
    }

    private ResultActions save(StoreUserPrincipal admin, String coolDownHours) throws Exception {
        return mvc.perform(post(PAGE)
                        .with(user(admin))
                        .with(csrf())
                        .param("enabled", "on")
                        .param("body", REPLY)
                        .param("buttonLabel", "Ver ofertas")
                        .param("link", "https://loja.example/ofertas?c=1")
                        .param("mode", "ALWAYS")
                        .param("holidays", "25/12/2026")
                        .param("coolDownHours", coolDownHours))
                .andExpect(status().isOk());
    }

    private ResultActions page(StoreUserPrincipal who) throws Exception {
        return mvc.perform(get(PAGE).with(user(who))).andExpect(status().isOk());
    }

    private List<SandboxSentMessage> replies() {
        return sandbox.sentMessages(shop.phone().id()).stream()
                .filter(sent -> sent.type().equals("interactive"))
                .toList();
    }

    private List<SandboxSentMessage> awaitReplies(int count) {
        Awaitility.await().atMost(PATIENCE).until(() -> replies().size() >= count);
        return replies();
    }

    private long decisions() {
        return jdbc.sql("select count(*) from autoreply_decisions where store_id = ?")
                .param(shop.store().value())
                .query(Long.class)
                .single();
    }

    private void awaitDecisions(long count) {
        Awaitility.await().atMost(PATIENCE).until(() -> decisions() >= count);
    }

    private List<String> reasons() {
        return jdbc.sql("select reason from autoreply_decisions where store_id = ?")
                .param(shop.store().value())
                .query(String.class)
                .list();
    }

    private static String customer() {
        return "+55119" + SendingStores.plainEightDigits();
    }

    private String inbound(InboundMessageReceived message) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"5511987654321","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"%s","timestamp":"%d",
                   "type":"text","text":{"body":"%s"}}]}}]}]}""".formatted(
                        shop.waba().id(),
                        shop.phone().id(),
                        message.from(),
                        message.from(),
                        message.messageId(),
                        message.sentAt().getEpochSecond(),
                        message.text());
    }

    private String statusWebhook(String wamid) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"5511987654321","phone_number_id":"%s"},
                  "statuses":[{"id":"%s","status":"delivered","timestamp":"%d","recipient_id":"5511912345678"}]}}]}]}""".formatted(
                shop.waba().id(), shop.phone().id(), wamid, Instant.now().getEpochSecond());
    }
}
