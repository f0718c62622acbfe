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
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A number that left Embedded Signup unverified is confirmed on step 3: the code Meta sends (here the
 * sandbox, over HTTP) is typed on our page and the number registers at once, without waiting for the
 * registration's next look at Meta (ten minutes here). Meta's refusals and our own come in pt-BR, and
 * another store cannot touch the number.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"onboarding.verification-poll=10m", "onboarding.registration-poll=200ms"})
class NumberVerificationIT {

    static final String STATUS = "/configuracoes/whatsapp-oficial/status";

    @Autowired
    MockMvc mvc;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    StoreDirectory stores;

    @Autowired
    Registrations registrations;

    @Autowired
    JdbcClient jdbc;

    StoreId storeA;
    Cookie asA;
    Cookie asB;
    SandboxBusiness business;
    SandboxWaba waba;

    @BeforeEach
    void twoStores() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        storeA = stores.create("Loja A " + run, "Alice", "alice-" + run + "@a.example", "senha-a-123");
        stores.create("Loja B " + run, "Bruno", "bruno-" + run + "@b.example", "senha-b-123");
        asA = login("alice-" + run + "@a.example", "senha-a-123");
        asB = login("bruno-" + run + "@b.example", "senha-b-123");
        business = sandbox.createBusiness("Loja A " + run + " Ltda");
        waba = sandbox.createWaba(business.id(), "Loja A");
    }

    @AfterEach
    void metaAnswersAgain() {
        sandbox.clearFaults();
    }

    @Test
    void anUnverifiedNumberIsConfirmedWithMetasCodeAndRegistersAtOnce() throws Exception {
        SandboxPhone phone = unverifiedMobileConnected();
        assertThat(page(asA)).contains("Confirme a posse do número", "value=\"SMS\"", "value=\"VOICE\"");
        awaitWaitingForVerification(phone);

        String sent = requestCode(asA, phone, "SMS").getContentAsString(StandardCharsets.UTF_8);
        assertThat(sent).contains("Código enviado por SMS para " + phone.displayPhoneNumber());

        MockHttpServletResponse confirmed = verify(asA, phone, sandbox.lastOtp(phone.id()));
        assertThat(confirmed.getContentAsString(StandardCharsets.UTF_8)).contains("Número confirmado");
        assertThat(confirmed.getHeader("HX-Trigger")).isEqualTo("number-verified");

        // The registration would look at Meta again in ten minutes; confirming woke it up.
        await().atMost(Duration.ofSeconds(20)).until(() -> state(phone) == RegistrationState.REGISTERED);
        assertThat(page(asA))
                .doesNotContain("Confirme a posse do número")
                .contains("Número registrado: já recebe mensagens dos clientes");
    }

    @Test
    void aWrongCodeIsRefusedInPortugueseAndTheNumberStaysUnverified() throws Exception {
        SandboxPhone phone = unverifiedMobileConnected();
        requestCode(asA, phone, "VOICE");
        String wrong = sandbox.lastOtp(phone.id()).equals("000000") ? "111111" : "000000";

        String refused = verify(asA, phone, wrong).getContentAsString(StandardCharsets.UTF_8);

        assertThat(refused).contains("Código incorreto ou expirado").contains("Confirmar código");
        assertThat(page(asA)).contains("Confirme a posse do número");
    }

    @Test
    void codesThatAreNotSixDigitsAreRefusedBeforeMetaIsAsked() throws Exception {
        SandboxPhone phone = unverifiedMobileConnected();
        requestCode(asA, phone, "SMS");

        for (String typed : new String[] {"12a456", "12345", "1234567", ""}) {
            assertThat(verify(asA, phone, typed).getContentAsString(StandardCharsets.UTF_8))
                    .contains("O código tem 6 dígitos, só números");
        }
        assertThat(failedGuessesAtMeta(phone)).isZero();
    }

    @Test
    void anotherStoresMerchantCannotAskForOrConfirmACode() throws Exception {
        SandboxPhone phone = unverifiedMobileConnected();

        assertThat(requestCode(asB, phone, "SMS").getStatus()).isEqualTo(404);
        assertThat(codeRequestsAtMeta(phone)).isZero();
        requestCode(asA, phone, "SMS");
        assertThat(verify(asB, phone, sandbox.lastOtp(phone.id())).getStatus()).isEqualTo(404);
        assertThat(page(asA)).contains("Confirme a posse do número");
        assertThat(mvc.perform(post(STATUS + "/numeros/12ab/codigo")
                                .cookie(asA)
                                .with(csrf())
                                .param("method", "SMS"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aSecondCodeWithinAMinuteIsRefusedWithTheSecondsLeft() throws Exception {
        SandboxPhone phone = unverifiedMobileConnected();
        requestCode(asA, phone, "SMS");

        String again = requestCode(asA, phone, "VOICE").getContentAsString(StandardCharsets.UTF_8);

        assertThat(again)
                .containsPattern("aguarde [1-6]?\\d s para pedir outro")
                .containsPattern("data-countdown=\"[1-6]?\\d\"");
        assertThat(codeRequestsAtMeta(phone)).isEqualTo(1);
    }

    @Test
    void aLandlineIsOnlyOfferedAVoiceCall() throws Exception {
        String landline = "+55113" + ThreadLocalRandom.current().nextInt(100_0000, 999_9999);
        SandboxPhone phone = connected(landline);

        assertThat(page(asA))
                .contains("Números fixos recebem o código por ligação", "value=\"VOICE\"")
                .doesNotContain("value=\"SMS\"");
        assertThat(requestCode(asA, phone, "SMS").getContentAsString(StandardCharsets.UTF_8))
                .contains("Números fixos não recebem SMS");
        assertThat(codeRequestsAtMeta(phone)).isZero();

        assertThat(requestCode(asA, phone, "VOICE").getContentAsString(StandardCharsets.UTF_8))
                .contains("A Meta vai ligar para " + phone.displayPhoneNumber());
    }

    @Test
    void metasLimitOnCodeRequestsIsExplainedInPortuguese() throws Exception {
        SandboxPhone phone = unverifiedMobileConnected();
        sandbox.setFault("phone.request_code", SandboxFault.graphError(136024));

        assertThat(requestCode(asA, phone, "SMS").getContentAsString(StandardCharsets.UTF_8))
                .contains("A Meta bloqueou novos códigos para este número por excesso de pedidos");
    }

    @Test
    void theFormsNeedTheCsrfToken() throws Exception {
        SandboxPhone phone = unverifiedMobileConnected();

        int status = mvc.perform(post(STATUS + "/numeros/" + phone.id() + "/codigo")
                        .cookie(asA)
                        .param("method", "SMS"))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(status).isEqualTo(403);
        assertThat(codeRequestsAtMeta(phone)).isZero();
    }

    private SandboxPhone unverifiedMobileConnected() throws Exception {
        return connected("+551198" + ThreadLocalRandom.current().nextInt(100_0000, 999_9999));
    }

    /** Embedded Signup finishes with a number whose ownership code was never verified. */
    private SandboxPhone connected(String e164) throws Exception {
        SandboxPhone phone = sandbox.addPhone(waba.id(), e164, "Loja A");
        String answer = mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                        .cookie(asA)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"outcome":"FINISH","code":"%s","waba_id":"%s","phone_number_id":"%s"}""".formatted(sandbox.issueCode(business.id()), waba.id(), phone.id())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("/configuracoes/whatsapp-oficial/status");
        return phone;
    }

    /** The registration found the number unverified and will not look again for minutes. */
    private void awaitWaitingForVerification(SandboxPhone phone) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> CurrentStore.callAs(storeA, () -> registrations.find(phone.id()))
                        .filter(registration -> registration.state() == RegistrationState.REGISTER)
                        .map(Registration::nextAttemptAt)
                        .filter(next -> next.isAfter(Instant.now().plus(Duration.ofMinutes(5))))
                        .isPresent());
    }

    private MockHttpServletResponse requestCode(Cookie session, SandboxPhone phone, String method) throws Exception {
        return mvc.perform(post(STATUS + "/numeros/" + phone.id() + "/codigo")
                        .cookie(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("method", method))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse verify(Cookie session, SandboxPhone phone, String code) throws Exception {
        return mvc.perform(post(STATUS + "/numeros/" + phone.id() + "/confirmacao")
                        .cookie(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("code", code))
                .andReturn()
                .getResponse();
    }

    private int codeRequestsAtMeta(SandboxPhone phone) {
        return jdbc.sql("select count(*) from sandbox_code_requests where phone_id = :phone")
                .param("phone", phone.id())
                .query(Integer.class)
                .single();
    }

    private int failedGuessesAtMeta(SandboxPhone phone) {
        return jdbc.sql("select coalesce(sum(failed_attempts), 0) from sandbox_code_requests where phone_id = :phone")
                .param("phone", phone.id())
                .query(Integer.class)
                .single();
    }

    private RegistrationState state(SandboxPhone phone) {
        return CurrentStore.callAs(storeA, () -> registrations.find(phone.id()))
                .map(Registration::state)
                .orElse(null);
    }

    private String page(Cookie session) throws Exception {
        return mvc.perform(get(STATUS).cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private Cookie login(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }
}
