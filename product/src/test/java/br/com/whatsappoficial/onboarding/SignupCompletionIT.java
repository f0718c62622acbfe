package br.com.whatsappoficial.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxFault;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxWaba;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.meta.SealedSecret;
import br.com.whatsappoficial.meta.SecretPurpose;
import br.com.whatsappoficial.meta.SecretVault;
import br.com.whatsappoficial.store.ApiKeyMode;
import br.com.whatsappoficial.store.ApiKeys;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreId;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import br.com.whatsappoficial.webhook.InboundMessagesReceived;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Embedded Signup's FINISH handled end to end against the running sandbox over HTTP: code exchange,
 * token check, WABA and number read and stored (token and PIN sealed), app subscribed, number
 * registered at once while Meta still reviews the display name (and receiving), status derived from Meta's
 * later reviews; and another store sees none of it.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureMockMvc
@Import(SignupCompletionIT.Inbound.class)
@TestPropertySource(properties = {"onboarding.verification-poll=1s", "onboarding.registration-poll=200ms"})
class SignupCompletionIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    StoreDirectory stores;

    @Autowired
    Registrations registrations;

    @Autowired
    SecretVault vault;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiKeys keys;

    @Autowired
    MetaSettings meta;

    @Autowired
    Environment environment;

    @Autowired
    Inbound inbound;

    StoreId storeA;
    String emailA;
    Cookie asA;
    Cookie asB;
    SandboxBusiness business;
    SandboxWaba waba;
    SandboxPhone phone;
    String e164;

    /** What the webhook module published of the customers' messages. */
    static class Inbound {

        final List<InboundMessageReceived> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(InboundMessagesReceived messages) {
            received.addAll(messages.messages());
        }
    }

    @BeforeEach
    void twoStoresAndAMerchantAtMeta() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        emailA = "alice-" + run + "@a.example";
        storeA = stores.create("Loja A " + run, "Alice", "alice-" + run + "@a.example", "senha-a-123");
        stores.create("Loja B " + run, "Bruno", "bruno-" + run + "@b.example", "senha-b-123");
        asA = login("alice-" + run + "@a.example", "senha-a-123");
        asB = login("bruno-" + run + "@b.example", "senha-b-123");

        business = sandbox.createBusiness("Loja A " + run + " Ltda");
        waba = sandbox.createWaba(business.id(), "Loja A");
        e164 = "+551199" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        phone = sandbox.addPhone(waba.id(), e164, "Loja A");
        sandbox.verifyPhone(phone.id());
    }

    @AfterEach
    void metaAnswersAgain() {
        sandbox.clearFaults();
    }

    @Test
    void finishRegistersTheNumberAtOnceWhileItsNameIsUnderReviewAndItReceivesMessages() throws Exception {
        String answer = finish(sandbox.issueCode(business.id()));
        assertThat(answer).contains("/configuracoes/whatsapp-oficial/status");

        await().atMost(Duration.ofSeconds(30)).until(() -> state() == RegistrationState.REGISTERED);
        assertThat(page(asA))
                .contains(
                        waba.id(),
                        "Em análise",
                        "Nome de exibição em análise",
                        "Número registrado na API oficial",
                        "Número registrado: já recebe mensagens dos clientes",
                        "Até 50 clientes únicos");

        // A customer writes while the name is still under review: Meta delivers it, the store gets it.
        String wamid = sandbox.customerSends(phone.id(), "+5511912345678", "Ana Souza", "Oi, vocês entregam?");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(inbound.received)
                        .filteredOn(received -> received.messageId().equals(wamid))
                        .singleElement()
                        .satisfies(received -> {
                            assertThat(received.store()).isEqualTo(storeA);
                            assertThat(received.phoneNumberId()).isEqualTo(phone.id());
                            assertThat(received.text()).isEqualTo("Oi, vocês entregam?");
                        }));
        // the listener hears the event inside the transaction that then marks the event done
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("select state from webhook_inbox where idempotency_key = :key")
                                .param("key", "message:" + wamid)
                                .query(String.class)
                                .single())
                        .isEqualTo("DONE"));

        // Meta's reviews arrive later, by webhook, and only move the status.
        sandbox.setReview(waba.id(), "APPROVED");
        sandbox.approveDisplayName(phone.id());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(page(asA)).contains("Ativa", "Nome de exibição aprovado"));
    }

    /**
     * A signup, a customer's webhook and an API send, then neither the logs nor any product table holds
     * the business token, the 2-step PIN, the API key, the status-callback secret, the app secret or
     * the vault's key in clear. The
     * sandbox's own tables are left out: they are Meta's side, which issued the token.
     */
    private static final String CALLBACKS = "/configuracoes/whatsapp-oficial/api/avisos";

    @Test
    void noSecretReachesTheLogsOrTheDatabaseInClear(CapturedOutput logs) throws Exception {
        finish(sandbox.issueCode(business.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> state() == RegistrationState.REGISTERED);
        String wamid = sandbox.customerSends(phone.id(), "+5511912345678", "Ana Souza", "Tem entrega hoje?");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DONE"
                        .equals(jdbc.sql("select state from webhook_inbox where idempotency_key = :key")
                                .param("key", "message:" + wamid)
                                .query(String.class)
                                .optional()
                                .orElse("")));
        String apiKey = StoreFixtures.createKey(keys, StoreFixtures.login(stores, emailA), ApiKeyMode.TEST, "Segredos")
                .secret()
                .reveal();
        int sent = mvc.perform(post("/api/v1/messages")
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"+5511912345678\",\"text\":{\"body\":\"Tem, sim\"}}"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(sent).isLessThan(300);
        assertThat(mvc.perform(post(CALLBACKS + "/segredo").cookie(asA).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(
                "business token",
                vault.open(
                        storeA,
                        SecretPurpose.BUSINESS_TOKEN,
                        new SealedSecret(jdbc.sql("select business_token from wabas where store_id = :store")
                                .param("store", storeA.value())
                                .query(byte[].class)
                                .single())));
        secrets.put(
                "2-step PIN",
                vault.open(
                        storeA,
                        SecretPurpose.TWO_STEP_PIN,
                        new SealedSecret(jdbc.sql("select two_step_pin from registrations where store_id = :store")
                                .param("store", storeA.value())
                                .query(byte[].class)
                                .single())));
        secrets.put("API key", apiKey);
        secrets.put(
                "callback secret",
                vault.open(
                        storeA,
                        SecretPurpose.CALLBACK_SECRET,
                        new SealedSecret(jdbc.sql(
                                        "select sealed_secret from messaging_callback_settings where store_id = :store")
                                .param("store", storeA.value())
                                .query(byte[].class)
                                .single())));
        secrets.put("app secret", meta.appSecret());
        Matcher keyMaterial = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(Files.readString(
                        Path.of(environment.getProperty("app.data-dir", "./data"), "vault-keyset.json")));
        while (keyMaterial.find()) {
            secrets.put("vault key " + secrets.size(), keyMaterial.group(1));
        }
        assertThat(secrets).hasSizeGreaterThan(4);
        // the two greps can see: the logs were captured and the SQL finds what is stored in clear
        org.slf4j.LoggerFactory.getLogger(SignupCompletionIT.class).warn("the log capture sees the application's logs");
        assertThat(logs.getAll()).contains("the log capture sees the application's logs");
        assertThat(columnsHolding(waba.id())).contains("wabas.waba_id");

        secrets.forEach((name, secret) -> {
            assertThat(secret).as(name).hasSizeGreaterThanOrEqualTo(6);
            assertThat(logs.getAll()).as("the logs hold the %s", name).doesNotContain(secret);
            assertThat(columnsHolding(secret))
                    .as("columns holding the %s in clear", name)
                    .isEmpty();
        });
    }

    /** Every text or bytea column of a product table that holds the value as it is: a pg_dump grep, in SQL. */
    private List<String> columnsHolding(String secret) {
        List<String> holding = new ArrayList<>();
        jdbc.sql("""
                        select table_name, column_name, data_type from information_schema.columns
                        where table_schema = current_schema() and table_name not like 'sandbox\\_%'
                          and data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')""")
                .query((row, n) -> List.of(row.getString(1), row.getString(2), row.getString(3)))
                .list()
                .forEach(column -> {
                    String where = column.get(2).equals("bytea")
                            ? "position(convert_to(:secret, 'UTF8') in " + column.get(1) + ") > 0"
                            : "strpos(" + column.get(1) + "::text, :secret) > 0";
                    long rows = jdbc.sql("select count(*) from " + column.get(0) + " where " + where)
                            .param("secret", secret)
                            .query(Long.class)
                            .single();
                    if (rows > 0) {
                        holding.add(column.get(0) + "." + column.get(1));
                    }
                });
        return holding;
    }

    @Test
    void aRegistrationLeftWaitingForTheNameApprovalByAnOlderNodeIsRegisteredByItself() throws Exception {
        holdSubscription();
        // What the previous release (or an older node during a rolling deploy) leaves behind.
        jdbc.sql(
                        "update registrations set state = 'AWAIT_APPROVAL', next_attempt_at = :now where phone_number_id = :id")
                .param("now", OffsetDateTime.now().minusSeconds(1))
                .param("id", phone.id())
                .update();
        sandbox.clearFaults();

        await().atMost(Duration.ofSeconds(20)).until(() -> state() == RegistrationState.REGISTERED);
        assertThat(page(asA)).contains("Em análise", "Número registrado na API oficial");
    }

    @Test
    void aRegistrationLeftMidwayByAStoppedNodeIsResumedWhenItsLeaseEnds() throws Exception {
        holdSubscription();

        // A node claimed the REGISTER step (its lease runs an hour) and died before calling Meta.
        jdbc.sql("update registrations set state = 'REGISTER', next_attempt_at = :lease where phone_number_id = :id")
                .param("lease", OffsetDateTime.now().plusHours(1))
                .param("id", phone.id())
                .update();
        sandbox.clearFaults();
        assertThat(state()).isEqualTo(RegistrationState.REGISTER);

        // The lease ends: whichever node polls next takes the step up from the stored state.
        jdbc.sql("update registrations set next_attempt_at = :past where phone_number_id = :id")
                .param("past", OffsetDateTime.now().minusSeconds(1))
                .param("id", phone.id())
                .update();
        await().atMost(Duration.ofSeconds(20)).until(() -> state() == RegistrationState.REGISTERED);
        assertThat(page(asA)).contains("Número registrado na API oficial");
    }

    @Test
    void tokenAndPinAreSealedAtRest() throws Exception {
        finish(sandbox.issueCode(business.id()));

        byte[] token = jdbc.sql("select business_token from wabas where waba_id = :id")
                .param("id", waba.id())
                .query((rs, n) -> rs.getBytes(1))
                .single();
        String plaintext = vault.open(storeA, SecretPurpose.BUSINESS_TOKEN, new SealedSecret(token));
        assertThat(new String(token, StandardCharsets.ISO_8859_1)).doesNotContain(plaintext);

        byte[] pin = jdbc.sql("select two_step_pin from registrations where phone_number_id = :id")
                .param("id", phone.id())
                .query((rs, n) -> rs.getBytes(1))
                .single();
        String digits = vault.open(storeA, SecretPurpose.TWO_STEP_PIN, new SealedSecret(pin));
        assertThat(digits).matches("\\d{6}");
        assertThat(new String(pin, StandardCharsets.ISO_8859_1)).doesNotContain(digits);
    }

    @Test
    void anotherStoreSeesNothingOfTheConnection() throws Exception {
        finish(sandbox.issueCode(business.id()));

        String page = page(asB);
        assertThat(page).doesNotContain(waba.id()).contains("Nenhuma conta do WhatsApp Business está conectada");
    }

    @Test
    void aWabaOfAnotherStoreIsRefused() throws Exception {
        finish(sandbox.issueCode(business.id()));

        String answer = mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                        .cookie(asB)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(finishBody(sandbox.issueCode(business.id()))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("já está conectada a outra loja");
    }

    @Test
    void aFourthNumberOfTheWabaIsRefused() throws Exception {
        finish(sandbox.issueCode(business.id()));
        for (int i = 0; i < 3; i++) {
            SandboxPhone more = sandbox.addPhone(
                    waba.id(), "+552198" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja A");
            phone = more;
            String answer = finish(sandbox.issueCode(business.id()));
            if (i < 2) {
                assertThat(answer).contains("/configuracoes/whatsapp-oficial/status");
            } else {
                assertThat(answer).contains("máximo de números permitido");
            }
        }
    }

    @Test
    void aWabaThatTheSignupDidNotGrantIsRefused() throws Exception {
        SandboxWaba foreign =
                sandbox.createWaba(sandbox.createBusiness("Outra Ltda").id(), "Outra");

        var answer = report(asA, body(sandbox.issueCode(business.id()), foreign.id(), phone.id()));

        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("A Meta não confirmou que esta conta do WhatsApp Business foi compartilhada");
        assertThat(page(asA)).doesNotContain(foreign.id());
    }

    @Test
    void anotherWabaOfTheSameBusinessNotSharedInThisSignupIsRefused() throws Exception {
        SandboxWaba notShared = sandbox.createWaba(business.id(), "Loja A Filial");
        SandboxPhone itsNumber = sandbox.addPhone(
                notShared.id(), "+552197" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja A Filial");

        var answer =
                report(asA, body(sandbox.issueCode(business.id(), List.of(waba.id())), notShared.id(), itsNumber.id()));

        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("A Meta não confirmou que esta conta do WhatsApp Business foi compartilhada");
        assertThat(page(asA)).doesNotContain(notShared.id());
    }

    @Test
    void aNumberOfAnotherWabaIsRefusedAndNothingIsRecorded() throws Exception {
        SandboxWaba second = sandbox.createWaba(business.id(), "Loja A Filial");
        SandboxPhone elsewhere = sandbox.addPhone(
                second.id(), "+552197" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja A Filial");

        var answer = report(asA, body(sandbox.issueCode(business.id()), waba.id(), elsewhere.id()));

        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("A Meta não confirmou que este número pertence à conta do WhatsApp Business");
        assertThat(jdbc.sql("select count(*) from phone_numbers where phone_number_id = :id")
                        .param("id", elsewhere.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void idsThatAreNotDigitsAreRefusedBeforeMetaIsAsked() throws Exception {
        var answer = report(asA, body(sandbox.issueCode(business.id()), "../" + waba.id(), phone.id()));

        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("identificadores que a Meta enviou ao navegador não são válidos");
    }

    @Test
    void aNumberAlreadyConnectedToAnotherStoreIsRefusedNotAServerError() throws Exception {
        finish(sandbox.issueCode(business.id()));
        SandboxWaba second = sandbox.createWaba(business.id(), "Loja A Filial");

        // Store B shares another WABA of the same portfolio but reports store A's number with it.
        var answer = report(asB, body(sandbox.issueCode(business.id()), second.id(), phone.id()));

        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("A Meta não confirmou que este número pertence à conta do WhatsApp Business");
        assertThat(page(asB)).doesNotContain(second.id());
    }

    @Test
    void theBusinessIdIsMetasNotTheBrowsers() throws Exception {
        String forged = """
                {"outcome":"FINISH","code":"%s","waba_id":"%s","phone_number_id":"%s","business_id":"123"}""".formatted(sandbox.issueCode(business.id()), waba.id(), phone.id());

        assertThat(report(asA, forged).getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select business_id from wabas where waba_id = :id")
                        .param("id", waba.id())
                        .query(String.class)
                        .single())
                .isEqualTo(business.id());
    }

    @Test
    void aCancelCarryingAnErrorTheUserReportedShowsMetasTextAndId() throws Exception {
        var answer = report(asA, """
                {"outcome":"CANCEL","error_message":"Seu nome verificado não segue as diretrizes do WhatsApp.",\
                "error_id":"524126","session_id":"f34b51dab5e0498","timestamp":"1746041036"}""");

        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("A Meta informou um erro", "Seu nome verificado não segue as diretrizes", "524126")
                .doesNotContain("interrompida");
    }

    @Test
    void aWabaSharedWithoutANumberListsItsNumbersAndRecordsNothing() throws Exception {
        var answer = report(asA, """
                {"outcome":"FINISH_ONLY_WABA","code":"%s","waba_id":"%s","business_id":"%s"}""".formatted(sandbox.issueCode(business.id()), waba.id(), business.id()));

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("foi compartilhada sem escolher um número", "\"numbers\":[\"+55 ")
                .doesNotContain("redirect");
        assertThat(page(asA)).doesNotContain(waba.id());
    }

    @Test
    void aBusinessAppFinishForANumberMetaDoesNotListOnTheAppIsRegisteredAsAnyOther() throws Exception {
        var answer = report(asA, """
                {"outcome":"FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING","code":"%s","waba_id":"%s","phone_number_id":"%s"}""".formatted(sandbox.issueCode(business.id()), waba.id(), phone.id()));

        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("/configuracoes/whatsapp-oficial/status");
        await().atMost(Duration.ofSeconds(30)).until(() -> state() == RegistrationState.REGISTERED);
        assertThat(CurrentStore.callAs(storeA, () -> registrations.find(phone.id()))
                        .orElseThrow()
                        .coexistence())
                .isFalse();
        assertThat(page(asA))
                .contains("Número registrado na API oficial")
                .doesNotContain("Aplicativo WhatsApp Business");
    }

    @Test
    void cancelSaysWhereTheMerchantStoppedInPortuguese() throws Exception {
        String answer = mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                        .cookie(asA)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"CANCEL\",\"current_step\":\"PHONE_NUMBER_SETUP\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("interrompida na etapa \\\"Número de telefone\\\"");
    }

    @Test
    void reportsThatAreNotTheLaunchersAreRefusedInPortugueseNotAServerError() throws Exception {
        for (String body : List.of("{}", "{\"outcome\":null}", "não é json", "[1,2]")) {
            var answer = report(body);
            assertThat(answer.getStatus()).as(body).isEqualTo(400);
            assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                    .as(body)
                    .contains("Não entendemos a resposta da janela da Meta");
        }
    }

    @Test
    void anEventMetaAddsTomorrowIsNamedAndNothingIsConnected() throws Exception {
        var answer = report("{\"outcome\":\"FINISH_SOMETHING_NEW\",\"code\":\"abc\"}");
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8))
                .contains("ainda não conhece (FINISH_SOMETHING_NEW)", "nada foi conectado");
    }

    @Test
    void anErrorWithoutAnIdDoesNotAskSupportForOne() throws Exception {
        String answer = report("{\"outcome\":\"ERROR\",\"error_message\":\"Algo deu errado.\"}")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("Algo deu errado\\\"").doesNotContain("código do erro", "—", "errado.");
    }

    @Test
    void sharingTheStoresWabaAgainWithoutANumberReconnectsItAndResumesItsRegistration() throws Exception {
        finish(sandbox.issueCode(business.id()));
        revokedWhileRegistering();
        assertThat(page(asA)).contains("para enviar é preciso reconectar");

        String answer = report("""
                {"outcome":"FINISH_ONLY_WABA","code":"%s","waba_id":"%s"}""".formatted(sandbox.issueCode(business.id()), waba.id()))
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(answer).contains("/configuracoes/whatsapp-oficial/status");
        await().atMost(Duration.ofSeconds(30)).until(() -> state() == RegistrationState.REGISTERED);
        assertThat(page(asA)).doesNotContain("para enviar é preciso reconectar").contains("Conta reconectada");
    }

    @Test
    void reconnectingThroughANewNumberResumesTheNumbersThatWaitedForIt() throws Exception {
        finish(sandbox.issueCode(business.id()));
        revokedWhileRegistering();
        String firstPhone = phone.id();
        phone = sandbox.addPhone(
                waba.id(), "+552197" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja A");
        sandbox.verifyPhone(phone.id());

        assertThat(finish(sandbox.issueCode(business.id()))).contains("/configuracoes/whatsapp-oficial/status");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> CurrentStore.callAs(storeA, () -> registrations.find(firstPhone))
                                .map(Registration::state)
                                .orElse(null)
                        == RegistrationState.REGISTERED);
    }

    /** Meta refused the WABA's token while its number was being registered: the number waits for a reconnection. */
    private void revokedWhileRegistering() {
        sandbox.revokeTokens(business.id());
        jdbc.sql("update wabas set token_revoked_at = :now where waba_id = :id")
                .param("now", OffsetDateTime.now())
                .param("id", waba.id())
                .update();
        jdbc.sql("update registrations set state = 'AWAIT_RECONNECTION', next_attempt_at = null"
                        + " where phone_number_id = :id")
                .param("id", phone.id())
                .update();
    }

    @Test
    void aSecondWabaConnectedThroughThePopupIsShownWithItsNumberBesideTheFirst() throws Exception {
        finish(sandbox.issueCode(business.id()));
        SandboxWaba first = waba;
        String firstNumber = e164;
        waba = sandbox.createWaba(business.id(), "Loja A Atacado");
        e164 = "+551195" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        phone = sandbox.addPhone(waba.id(), e164, "Loja A Atacado");
        sandbox.verifyPhone(phone.id());

        assertThat(finish(sandbox.issueCode(business.id()))).contains("/configuracoes/whatsapp-oficial/status");

        String page = page(asA);
        assertThat(page)
                .contains(first.id(), waba.id(), "Conta do WhatsApp Business 2: Loja A Atacado")
                .contains(display(firstNumber), display(e164));
        String painel = mvc.perform(
                        get("/configuracoes/whatsapp-oficial/status/resumo").cookie(asA))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(painel).contains(display(firstNumber), display(e164));
    }

    private static String display(String e164) {
        return "+55 " + e164.substring(3, 5) + " " + e164.substring(5, 10) + "-" + e164.substring(10);
    }

    @Test
    void aCodeUsedTwiceIsRefusedWithMetasReference() throws Exception {
        String code = sandbox.issueCode(business.id());
        finish(code);
        assertThat(finish(code)).contains("Código para o suporte");
    }

    private MockHttpServletResponse report(String body) throws Exception {
        return mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                        .cookie(asA)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    private String finish(String code) throws Exception {
        return mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                        .cookie(asA)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(finishBody(code)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse report(Cookie session, String body) throws Exception {
        return mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                        .cookie(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    private static String body(String code, String wabaId, String phoneId) {
        return """
                {"outcome":"FINISH","code":"%s","waba_id":"%s","phone_number_id":"%s"}""".formatted(code, wabaId, phoneId);
    }

    private String finishBody(String code) {
        return """
                {"outcome":"FINISH","code":"%s","waba_id":"%s","phone_number_id":"%s","business_id":"%s"}""".formatted(code, waba.id(), phone.id(), business.id());
    }

    private String page(Cookie session) throws Exception {
        return mvc.perform(get("/configuracoes/whatsapp-oficial/status").cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Signs up while Meta answers subscribed_apps with 503, so the registration waits in its first step. */
    private void holdSubscription() throws Exception {
        sandbox.setFault("waba.subscribed_apps", SandboxFault.httpStatus(503));
        finish(sandbox.issueCode(business.id()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> CurrentStore.callAs(storeA, () -> registrations.find(phone.id()))
                                .map(Registration::attempts)
                                .orElse(0)
                        > 0);
        assertThat(state()).isEqualTo(RegistrationState.SUBSCRIBE_APP);
    }

    private RegistrationState state() {
        return CurrentStore.callAs(storeA, () -> registrations.find(phone.id()))
                .map(Registration::state)
                .orElse(null);
    }

    /** The session cookie: the session itself lives in the database. */
    private Cookie login(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }
}
