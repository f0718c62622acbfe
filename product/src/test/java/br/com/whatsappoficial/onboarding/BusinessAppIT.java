package br.com.whatsappoficial.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxBusinessApp;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxWaba;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.store.ApiKeyMode;
import br.com.whatsappoficial.store.ApiKeys;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreId;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import br.com.whatsappoficial.webhook.AppHistoryReceived;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A number that stays on the WhatsApp Business app, end to end against the sandbox on PostgreSQL: connected
 * without register, the app's contacts and history synced from webhooks that arrive out of order and
 * duplicated (each chunk counted once), a merchant who does not share the history (2593109) still
 * connected, what the merchant sends from the app kept beside the customer's window (which it does not
 * extend) and silencing the automatic reply, and the number leaving Cloud API refused to campaigns.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"onboarding.registration-poll=200ms"})
class BusinessAppIT {

    static final Duration PATIENCE = Duration.ofSeconds(40);
    static final String STATUS = "/configuracoes/whatsapp-oficial/status";
    /** Ana Souza of the sandbox's address book: she and the business chatted two hours before the number joined. */
    static final String ANA = "5511912345678";

    @Autowired
    MockMvc mvc;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    SandboxBusinessApp businessApp;

    @Autowired
    StoreDirectory stores;

    @Autowired
    Registrations registrations;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    StoreId store;
    StoreUserPrincipal admin;
    SandboxBusiness business;
    SandboxWaba waba;
    SandboxPhone ordinary;

    @BeforeEach
    void aStoreAndAWabaWithAnOrdinaryNumber() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "bia-" + run + "@app.example";
        store = stores.create("Loja Bia " + run, "Bia", email, "senha-bia-123");
        admin = StoreFixtures.login(stores, email);
        business = sandbox.createBusiness("Loja Bia " + run + " Ltda");
        waba = sandbox.createWaba(business.id(), "Loja Bia");
        // Not on the app: the business-app flow must pick the WABA's number that is.
        ordinary = sandbox.addPhone(waba.id(), mobile(), "Loja Bia");
    }

    @Test
    void connectsWithoutRegisterAndCountsEveryHistoryChunkOnceWhateverTheOrder() throws Exception {
        SandboxPhone onApp = businessApp.onboard(waba.id(), mobile(), "Loja Bia", true);

        assertThat(finishOnTheApp()).contains("/configuracoes/whatsapp-oficial/status");

        awaitRegistered(onApp);
        Registration registration = registration(onApp).orElseThrow();
        assertThat(registration.coexistence()).isTrue();
        // Meta never saw a register call: no PIN was set on the number.
        assertThat(jdbc.sql("select two_step_pin from sandbox_phones where phone_id = :id")
                        .param("id", onApp.id())
                        .query(String.class)
                        .optional())
                .isEmpty();
        assertThat(CurrentStore.callAs(store, () -> accounts.number(onApp.id()))
                        .orElseThrow()
                        .throughput()
                        .messagesPerSecond())
                .isEqualTo(20);
        assertThat(CurrentStore.callAs(store, () -> accounts.number(ordinary.id())))
                .isEmpty();

        // Six history POSTs (one chunk twice, out of order) and two of contacts.
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                        select count(*) from webhook_inbox
                                        where field = 'history' and phone_number_id = :id and state = 'DONE'""")
                                .param("id", onApp.id())
                                .query(Long.class)
                                .single())
                        .isEqualTo(6));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(page()).contains("Histórico completo: 5 partes recebidas"));
        assertThat(page())
                .contains(
                        "Aplicativo WhatsApp Business",
                        "3 contatos recebidos",
                        "Número conectado mantendo o aplicativo WhatsApp Business (sem registro)",
                        "Histórico de conversas do aplicativo recebido")
                .doesNotContain("Número registrado na API oficial");
        assertThat(jdbc.sql("select history_progress from app_data_syncs where phone_number_id = :id")
                        .param("id", onApp.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(100);
        // The history's chats of the last day: the business's answer counts as one from the app; Ana's
        // message, received before the number joined the API, opens no window.
        assertThat(jdbc.sql("select count(*) from messaging_app_echoes where phone_number_id = :id and customer = :ana")
                        .param("id", onApp.id())
                        .param("ana", ANA)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from messaging_windows where phone_number_id = :id")
                        .param("id", onApp.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aMerchantWhoDoesNotShareTheHistoryStaysConnectedAndIsToldSo() throws Exception {
        SandboxPhone onApp = businessApp.onboard(waba.id(), mobile(), "Loja Bia", false);

        finishOnTheApp();

        awaitRegistered(onApp);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(page())
                        .contains("Você não compartilhou o histórico no aplicativo")
                        .contains("Histórico de conversas não compartilhado no aplicativo"));
        assertThat(page()).contains("Em análise").doesNotContain("Reprovada", "Desconectada", "Falha no registro");
        assertThat(jdbc.sql("select count(*) from app_history_chunks where phone_number_id = :id")
                        .param("id", onApp.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anAnswerFromTheAppIsKeptLeavesTheWindowAsTheCustomerOpenedItAndSilencesTheAutoReply() throws Exception {
        SandboxPhone onApp = businessApp.onboard(waba.id(), mobile(), "Loja Bia", true);
        finishOnTheApp();
        awaitRegistered(onApp);
        autoReplyAlways();
        String customer = "+55219" + ThreadLocalRandom.current().nextInt(1000_0000, 9999_9999);
        String key = customer.substring(1);

        sandbox.customerSends(onApp.id(), customer, "Caio", "Oi, tem o tênis 42?");
        awaitDecisions(key, 1);
        OffsetDateTime opened = window(onApp, key);
        String echo = businessApp.sendFromApp(onApp.id(), customer, "Tenho sim, Caio! Separo pra você?");
        businessApp.sendFromApp(onApp.id(), customer, "Tenho sim, Caio! Separo pra você?");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                        select count(*) from messaging_app_echoes
                                        where phone_number_id = :id and customer = :customer""")
                                .param("id", onApp.id())
                                .param("customer", key)
                                .query(Long.class)
                                .single())
                        .isEqualTo(2));
        assertThat(echo).startsWith("wamid.");
        // Only the customer's own messages open the window: the answers from the app neither close nor extend it.
        assertThat(window(onApp, key)).isEqualTo(opened);
        String card = mvc.perform(
                        get("/configuracoes/whatsapp-oficial/aplicativo/cartao").with(user(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(card).contains("Tenho sim, Caio! Separo pra você?", "Aberta até");

        sandbox.customerSends(onApp.id(), customer, "Caio", "Pode separar!");
        awaitDecisions(key, 2);
        assertThat(jdbc.sql("""
                                select reason from autoreply_decisions
                                where customer = :customer order by sent_at desc, decided_at desc limit 1""").param("customer", key).query(String.class).single())
                .isEqualTo("HUMAN_ANSWERED");
    }

    @Test
    void leavingTheAppsCoexistenceDisconnectsTheNumberAndCampaignsRefuseIt() throws Exception {
        SandboxPhone onApp = businessApp.onboard(waba.id(), mobile(), "Loja Bia", true);
        finishOnTheApp();
        awaitRegistered(onApp);
        String apiKey = StoreFixtures.createKey(keys, admin, ApiKeyMode.TEST, "Campanhas")
                .secret()
                .reveal();

        businessApp.offboard(onApp.id(), "ACCOUNT_OFFBOARDED");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(page())
                        .contains(
                                "Desconectada",
                                "O número saiu da API oficial",
                                "Número saiu da API oficial",
                                "o aplicativo WhatsApp Business desconectou o número",
                                "Nenhum envio: o número não está mais conectado à API"));
        int refused = mvc.perform(post("/api/v1/messages")
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"+5511912345678\",\"text\":{\"body\":\"Promoção!\"}}"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(refused).isEqualTo(409);

        // Meta redelivers the same event: one line on the timeline, not two.
        assertThat(jdbc.sql(
                                "select count(*) from account_timeline where phone_number_id = :id and kind = 'LEFT_CLOUD_API'")
                        .param("id", onApp.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void joiningAgainFromTheAppAfterLeavingReconnectsAndSyncsAnew() throws Exception {
        SandboxPhone onApp = businessApp.onboard(waba.id(), mobile(), "Loja Bia", true);
        finishOnTheApp();
        awaitRegistered(onApp);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(page()).contains("Histórico completo"));
        businessApp.offboard(onApp.id(), "ACCOUNT_OFFBOARDED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(page()).contains("Desconectada"));

        // The merchant runs the business-app flow again with the same number.
        businessApp.joined(onApp.id(), true);
        assertThat(finishOnTheApp()).contains("/configuracoes/whatsapp-oficial/status");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                        select count(*) from account_timeline
                                        where phone_number_id = :id and kind = 'APP_DATA_REQUESTED'""")
                                .param("id", onApp.id())
                                .query(Long.class)
                                .single())
                        .isEqualTo(4));
        awaitRegistered(onApp);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(page())
                        .contains("Histórico completo: 5 partes recebidas", "Conta reconectada")
                        .doesNotContain("Desconectada"));
    }

    @Test
    void aLateChunkNeitherLowersTheProgressNorCountsTwice() throws Exception {
        SandboxPhone onApp = businessApp.onboard(waba.id(), mobile(), "Loja Bia", false);
        finishOnTheApp();
        awaitRegistered(onApp);

        // The last chunk first, then again, then an earlier one that says less.
        publish(chunk(onApp, 2, 1, 100));
        publish(chunk(onApp, 2, 1, 100));
        publish(chunk(onApp, 0, 1, 30));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(page()).contains("Histórico completo: 2 partes recebidas"));
        assertThat(jdbc.sql("select history_progress from app_data_syncs where phone_number_id = :id")
                        .param("id", onApp.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(100);
        assertThat(jdbc.sql("""
                                select count(*) from account_timeline
                                where phone_number_id = :id and kind = 'APP_HISTORY_SYNCED'""").param("id", onApp.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    private AppHistoryReceived chunk(SandboxPhone phone, int phase, int order, int progress) {
        return new AppHistoryReceived(store, phone.id(), phase, order, progress, java.util.List.of());
    }

    /** As the webhook module publishes an inbox event's domain event: inside the transaction that marks it done. */
    private void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private String finishOnTheApp() throws Exception {
        // The launcher's report as Meta ends the business-app flow: the number's id may be left out.
        return mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                        .with(user(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"outcome":"FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING","code":"%s","waba_id":"%s"}""".formatted(sandbox.issueCode(business.id()), waba.id())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private void autoReplyAlways() throws Exception {
        mvc.perform(post("/configuracoes/whatsapp-oficial/resposta-automatica")
                .with(user(admin))
                .with(csrf())
                .param("enabled", "on")
                .param("body", "Oi! Já vamos responder. Veja as ofertas:")
                .param("buttonLabel", "Ver ofertas")
                .param("link", "https://loja.example/ofertas")
                .param("mode", "ALWAYS")
                .param("coolDownHours", "0"));
    }

    private void awaitDecisions(String customer, int count) {
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(jdbc.sql("select count(*) from autoreply_decisions where customer = :c")
                                .param("c", customer)
                                .query(Long.class)
                                .single())
                        .isEqualTo(count));
    }

    private OffsetDateTime window(SandboxPhone phone, String customer) {
        return jdbc.sql("select last_inbound_at from messaging_windows where phone_number_id = :id and customer = :c")
                .param("id", phone.id())
                .param("c", customer)
                .query(OffsetDateTime.class)
                .single();
    }

    private void awaitRegistered(SandboxPhone phone) {
        await().atMost(PATIENCE)
                .until(() -> registration(phone).map(Registration::state).orElse(null) == RegistrationState.REGISTERED);
    }

    private java.util.Optional<Registration> registration(SandboxPhone phone) {
        return CurrentStore.callAs(store, () -> registrations.find(phone.id()));
    }

    private String page() throws Exception {
        return mvc.perform(get(STATUS).with(user(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String mobile() {
        return "+551197" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }
}
