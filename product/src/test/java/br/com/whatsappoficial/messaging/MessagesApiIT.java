package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.metasandbox.SandboxFault;
import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The campaign engine sends through a store's number connected in the sandbox: each message is decided
 * at once (recipient, window, template, budget), queued, sent by the outbox's workers and followed through
 * Meta's status webhooks, on PostgreSQL.
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
class MessagesApiIT {

    static final String GREETING = "Olá {{1}}, seu pedido {{2}} saiu para entrega.";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    SendingStores stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    JdbcTemplate jdbc;

    Shop shop;

    @BeforeEach
    void aConnectedStoreWithAnApprovedTemplate() {
        shop = stores.connected("envios");
        stores.approvedTemplate(shop, "pedido_enviado", GREETING, Map.of("1", "Ana", "2", "123"));
    }

    @AfterEach
    void metaAnswersAgain() {
        sandbox.clearFaults();
    }

    @Test
    void aTemplateToANewCustomerTakesASlotAndFollowsMetasStatuses() throws Exception {
        String customer = customer();

        String id = id(send("""
                        {"to": "%s", "template": {"name": "pedido_enviado", "parameters": ["Ana", "123"]},
                         "metadata": {"campanha": 42}}""".formatted(customer))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", containsString("/api/v1/messages/")))
                .andExpect(jsonPath("$.status").value("queued"))
                .andExpect(jsonPath("$.countsAgainstLimit").value(true)));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> read(id).andExpect(jsonPath("$.status").value("read"))
                        .andExpect(jsonPath("$.metaMessageId", containsString("wamid.")))
                        .andExpect(jsonPath("$.pricing.billable").value(true))
                        .andExpect(jsonPath("$.timeline[*].status")
                                .value(org.hamcrest.Matchers.contains("queued", "sent", "delivered", "read"))));
        read(id).andExpect(jsonPath("$.template.name").value("pedido_enviado"))
                .andExpect(jsonPath("$.metadata.campanha").value(42));
        assertThat(sandbox.sentMessages(shop.phone().id())).singleElement().satisfies(sent -> {
            assertThat(sent.payload()).contains("\"text\":\"Ana\"").contains("\"text\":\"123\"");
            assertThat(sent.bizOpaqueCallbackData()).isEqualTo(id);
        });
        limits().andExpect(jsonPath("$.proactive.used").value(1))
                .andExpect(jsonPath("$.proactive.remaining").value(2))
                .andExpect(jsonPath("$.proactive.nextReleaseAt").isNotEmpty())
                .andExpect(jsonPath("$.throughput.messagesPerSecond").value(80));
    }

    @Test
    void theBudgetRefusesTheNextNewCustomerButNotOneAlreadyCounted() throws Exception {
        List<String> customers = List.of(customer(), customer(), customer());
        for (String customer : customers) {
            send(template(customer)).andExpect(status().isAccepted());
        }

        send(template(customer()))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("proactive_limit_reached"))
                .andExpect(jsonPath("$.limit").value(3))
                .andExpect(jsonPath("$.retryAfter").isNotEmpty());
        send(template(customers.getFirst()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.countsAgainstLimit").value(false));
        limits().andExpect(jsonPath("$.proactive.used").value(3))
                .andExpect(jsonPath("$.proactive.remaining").value(0));
    }

    @Test
    void textNeedsTheCustomersWindowWhichTheirMessageOpensEvenWithoutTheNinthDigit() throws Exception {
        String mobile = "+55319" + SendingStores.plainEightDigits();
        String text = """
                {"to": "%s", "text": {"body": "Seu pedido saiu."}}""";

        send(text.formatted(mobile))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("outside_service_window"));

        // The sandbox, like Meta for older accounts, names this customer without the 9th digit.
        sandbox.customerSends(shop.phone().id(), mobile, "Ana", "Oi, meu pedido chegou?");

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> send(text.formatted(mobile))
                        .andExpect(status().isAccepted())
                        .andExpect(jsonPath("$.countsAgainstLimit").value(false)));
        limits().andExpect(jsonPath("$.proactive.used").value(0));
    }

    @Test
    void aKeyUsedMoreThanADayAgoQueuesANewMessage() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = id(send(key, template(customer())).andExpect(status().isAccepted()));
        jdbc.update(
                "update messaging_idempotency set created_at = created_at - interval '25' hour where idempotency_key = ?",
                key);

        String body = template(customer());
        String second = id(send(key, body).andExpect(status().isAccepted()));
        String again = id(send(key, body).andExpect(status().isAccepted()));

        assertThat(second)
                .as("a new message, not the day-old one nor a conflict")
                .isNotEqualTo(first);
        assertThat(again).as("the key now answers the new message").isEqualTo(second);
        limits().andExpect(jsonPath("$.proactive.used").value(2));
    }

    @Test
    void aReplayAnswersAsTheFirstTimeEvenWhenTheSameRequestWouldNowBeRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        String customer = customer();
        String first = id(send(key, template(customer)).andExpect(status().isAccepted()));
        // The customer opts out afterwards: a new request to them is refused.
        jdbc.update(
                "insert into messaging_opt_outs (store_id, customer, source, opted_out_at) values (?, ?, 'merchant', now())",
                shop.store().value(),
                Recipient.ofNumber(customer).orElseThrow().customer().key());
        send(template(customer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("recipient_opted_out"));

        String again = id(send(key, template(customer)).andExpect(status().isAccepted()));

        assertThat(again).as("the replay's answer is the first one's").isEqualTo(first);
        send(key, template(customer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("idempotency_conflict"));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameMessageAndAnotherBodyIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        String customer = customer();

        String firstAnswer = send(key, template(customer))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String againAnswer = send(key, template(customer))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String first = JsonPath.read(firstAnswer, "$.id");
        String again = JsonPath.read(againAnswer, "$.id");
        send(key, template(customer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("idempotency_conflict"));

        assertThat(again).isEqualTo(first);
        assertThat(againAnswer).as("the first answer, again").isEqualTo(firstAnswer);
        limits().andExpect(jsonPath("$.proactive.used").value(1));
    }

    @Test
    void templatesMustBeApprovedAndFilled() throws Exception {
        send("""
                        {"to": "%s", "template": {"name": "nao_existe", "parameters": []}}""".formatted(customer()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("template_not_approved"));
        send("""
                        {"to": "%s", "template": {"name": "pedido_enviado", "parameters": ["Ana"]}}""".formatted(customer()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("template_parameters"))
                .andExpect(jsonPath("$.expected[1]").value("2"));
        send("""
                        {"to": "%s", "template": {"name": "pedido_enviado", "parameters": {"nome": "Ana"}}}""".formatted(customer()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("template_parameters"));
        limits().andExpect(jsonPath("$.proactive.used").value(0));
    }

    @Test
    void malformedRequestsNameEachFieldAndBadNumbersAreInvalidRecipients() throws Exception {
        mvc.perform(
                        withKey(post("/api/v1/messages"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"text\": {\"body\": \"Oi\"}, \"link\": {\"body\": \"Oi\", \"url\": \"ftp://x\", \"label\": \"Ver\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "Idempotency-Key", "to", "template", "link.url")));
        // What the annotations refuse and what the rules refuse, in one answer; a field once.
        mvc.perform(withKey(post("/api/v1/messages"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"template\": {\"parameters\": [\"Ana\"]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("Idempotency-Key", "to", "template.name")));
        mvc.perform(withKey(post("/api/v1/messages"))
                        .header("Idempotency-Key", "sem-url")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\": \"+55 11 91234-5678\", \"link\": {\"body\": \"Oi\", \"label\": \"Ver\"},"
                                + " \"template\": {\"name\": \"x\", \"buttons\": [null]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("link.url", "template", "template.buttons")));
        send("""
                        {"to": "0800 123 4567", "template": {"name": "pedido_enviado", "parameters": ["Ana", "1"]}}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid_recipient"));
        send("""
                        {"to": "12345", "template": {"name": "pedido_enviado", "parameters": ["Ana", "1"]}}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("invalid_recipient"));
    }

    @Test
    void aRefusalBeforeMetaAcceptsGivesTheSlotBack() throws Exception {
        sandbox.setFault("messages", new SandboxFault(Duration.ZERO, null, 131009, false));

        String id = id(send(template(customer())).andExpect(status().isAccepted()));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> read(id).andExpect(jsonPath("$.status").value("failed"))
                        .andExpect(jsonPath("$.error.code").value("meta_refused"))
                        .andExpect(jsonPath("$.error.metaCode").value(131009)));
        limits().andExpect(jsonPath("$.proactive.used").value(0));
    }

    @Test
    void metaDownIsTriedAgainUntilItAnswers() throws Exception {
        sandbox.setFault("messages", SandboxFault.httpStatus(503));

        String id = id(send(template(customer())).andExpect(status().isAccepted()));
        // While Meta answers 503 the message waits in the outbox, retried, never failed.
        Awaitility.await()
                .during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> read(id).andExpect(jsonPath("$.status").value("queued")));
        sandbox.clearFaults();

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> read(id).andExpect(jsonPath("$.metaMessageId", containsString("wamid."))));
        assertThat(sandbox.sentMessages(shop.phone().id())).hasSize(1);
    }

    @Test
    void aCustomerMetaCannotReachFailsWithMetasReasonInTheEnginesLanguage() throws Exception {
        String id = id(send(template("+55 11 98765-9999")).andExpect(status().isAccepted()));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> read(id).andExpect(jsonPath("$.status").value("failed"))
                        .andExpect(jsonPath("$.error.code").value("meta_failed"))
                        .andExpect(jsonPath("$.error.metaCode").value(131026))
                        .andExpect(jsonPath("$.error.title").value("O número não pode receber a mensagem")));
        mvc.perform(withKey(get("/api/v1/messages/" + id)).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.error.title").value("The number cannot receive the message"));
    }

    @Test
    void anotherStoreSeesNothingOfTheMessage() throws Exception {
        String id = id(send(template(customer())).andExpect(status().isAccepted()));
        Shop other = stores.connected("outra");

        mvc.perform(get("/api/v1/messages/" + id).header("Authorization", "Bearer " + other.key()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"))
                // Says the message is not this store's to see, not that the API has no such path.
                .andExpect(jsonPath("$.detail")
                        .value("Nada encontrado em GET /api/v1/messages/" + id
                                + " para esta chave: o recurso não existe ou é de outra loja."));
        mvc.perform(get("/api/v1/messages/" + id).header("Authorization", "Bearer " + shop.key()))
                .andExpect(status().isOk());
    }

    @Test
    void aDryRunSaysWhatEachRecipientWouldCostAndHoldsNothing() throws Exception {
        String counted = customer();
        send(template(counted)).andExpect(status().isAccepted());
        String talking = "+55119" + SendingStores.plainEightDigits();
        sandbox.customerSends(shop.phone().id(), talking, "Bia", "Oi");
        String first = customer();
        String second = customer();
        String third = customer();

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(withKey(post("/api/v1/recipients/check"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"recipients": ["%s", "%s", "%s", "%s", "%s", "abc", "%s"]}""".formatted(counted, talking, first, second, first, third)))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.data[*].verdict")
                                .value(org.hamcrest.Matchers.contains(
                                        "free", "free", "counts", "counts", "free", "invalid", "limited")))
                        .andExpect(jsonPath("$.data[1].windowClosesAt").isNotEmpty())
                        .andExpect(jsonPath("$.data[2].normalized").value(first.replaceAll("[^+0-9]", ""))));
        limits().andExpect(jsonPath("$.proactive.used").value(1));
    }

    @Test
    void aCustomerKnownByUserIdIsReachedThroughTheNumberAWebhookLinkedToIt() throws Exception {
        String userId = "BR." + UUID.randomUUID().toString().replace("-", "");
        String waId = "55119" + SendingStores.plainEightDigits();
        String text = """
                {"recipient": "%s", "text": {"body": "Seu pedido saiu."}}""".formatted(userId);

        send(text)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("outside_service_window"));
        // The customer writes: Meta (the sandbox) opens the window and reports both of their ids.
        sandbox.recordInbound(shop.phone().id(), waId);
        assertThat(webhook(inbound(userId, waId))).isEqualTo(200);

        String id = JsonPath.read(
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> send(text).andReturn().getResponse(), response -> response.getStatus() == 202)
                        .getContentAsString(),
                "$.id");
        read(id).andExpect(jsonPath("$.to").value("+" + waId));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> read(id).andExpect(jsonPath("$.status").value("read")));
    }

    @Test
    void statusesOfOneMessageArrivingTogetherAndOutOfOrderEndOnTheLatest() throws Exception {
        String customer = customer();
        String id = id(send(template(customer)).andExpect(status().isAccepted()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> read(id).andExpect(jsonPath("$.status").value("read")));
        String wamid = JsonPath.read(read(id).andReturn().getResponse().getContentAsString(), "$.metaMessageId");

        // Meta, late and repeating itself: a failed after read, a sent, and a status it adds tomorrow.
        assertThat(webhook(statuses(wamid, id, "failed", "sent", "deleted_by_customer", "read")))
                .isEqualTo(200);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> read(id).andExpect(jsonPath("$.status").value("read"))
                        .andExpect(jsonPath("$.error").doesNotExist())
                        .andExpect(jsonPath("$.timeline[*].status")
                                .value(org.hamcrest.Matchers.contains(
                                        "queued", "sent", "delivered", "read", "failed", "deleted_by_customer"))));
    }

    private String inbound(String userId, String waId) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"5511987654321","phone_number_id":"%s"},
                  "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s","user_id":"%s"}],
                  "messages":[{"from":"%s","from_user_id":"%s","id":"wamid.in-%s","timestamp":"%d",
                   "type":"text","text":{"body":"Oi"}}]}}]}]}""".formatted(
                        shop.waba().id(),
                        shop.phone().id(),
                        waId,
                        userId,
                        waId,
                        userId,
                        UUID.randomUUID(),
                        java.time.Instant.now().getEpochSecond());
    }

    private String statuses(String wamid, String id, String... statuses) {
        long now = java.time.Instant.now().getEpochSecond() + 60;
        StringBuilder items = new StringBuilder();
        for (String status : statuses) {
            items.append(items.isEmpty() ? "" : ",").append("""
                    {"id":"%s","status":"%s","timestamp":"%d","recipient_id":"5511900000000",
                     "biz_opaque_callback_data":"%s"}""".formatted(wamid, status, now++, id));
        }
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"5511987654321","phone_number_id":"%s"},
                  "statuses":[%s]}}]}]}""".formatted(shop.waba().id(), shop.phone().id(), items);
    }

    private int webhook(String body) throws Exception {
        return engine().webhook(body);
    }

    private static String template(String to) {
        return """
                {"to": "%s", "template": {"name": "pedido_enviado", "parameters": ["Ana", "123"]}}""".formatted(to);
    }

    private static String customer() {
        String digits = SendingStores.plainEightDigits();
        return "+55 11 9" + digits.substring(0, 4) + "-" + digits.substring(4);
    }

    private ResultActions send(String body) throws Exception {
        return engine().send(body);
    }

    private ResultActions send(String idempotencyKey, String body) throws Exception {
        return engine().send(idempotencyKey, body);
    }

    private ResultActions read(String id) throws Exception {
        return engine().read(id);
    }

    private ResultActions limits() throws Exception {
        return engine().limits();
    }

    private MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request) {
        return engine().withKey(request);
    }

    private CampaignEngine engine() {
        return new CampaignEngine(mvc, shop.key(), port);
    }

    private static String id(ResultActions result) throws Exception {
        return CampaignEngine.id(result);
    }
}
