package br.com.whatsappoficial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxWaba;
import br.com.whatsappoficial.store.StoreDirectory;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The connection pool retires every connection it holds, as it does at the end of each connection's
 * maximum lifetime, and the product goes on as before: a merchant logs in, connects a number, and
 * Meta's webhooks arrive and change what the merchant sees. Run on each database the product runs on.
 */
abstract class PoolRecycleJourney {

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    StoreDirectory stores;

    @Test
    void theMerchantJourneyAndMetasWebhooksOutliveTheConnectionsTheyStartedOn() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "rita-" + run + "@loja.example";
        stores.create("Loja Rita " + run, "Rita Alves", email, "senha-rita-1");

        ConnectionPools.retireEveryConnection(dataSource);
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        Cookie session = logIn(email, "senha-rita-1");

        SandboxBusiness business = sandbox.createBusiness("Loja Rita " + run + " Ltda");
        SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Rita");
        SandboxPhone phone = sandbox.addPhone(
                waba.id(), "+551197" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja Rita");
        sandbox.verifyPhone(phone.id());
        ConnectionPools.retireEveryConnection(dataSource);
        assertThat(connect(session, sandbox.issueCode(business.id()), business, waba, phone))
                .contains("/configuracoes/whatsapp-oficial/status");
        assertThat(statusPage(session)).contains(waba.id(), "Em análise");

        ConnectionPools.retireEveryConnection(dataSource);
        sandbox.approveDisplayName(phone.id());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusPage(session)).contains("Nome de exibição aprovado"));

        ConnectionPools.retireEveryConnection(dataSource);
        String message = sandbox.customerSends(phone.id(), "5511987654321", "Cliente " + run, "Oi, vocês abrem hoje?");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql(
                                        "select count(*) from webhook_inbox where idempotency_key like :key and state = 'DONE'")
                                .param("key", "%" + message + "%")
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private Cookie logIn(String email, String password) throws Exception {
        Cookie session = mvc.perform(formLogin("/login").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
        assertThat(session).as("logged in").isNotNull();
        return session;
    }

    private String connect(Cookie session, String code, SandboxBusiness business, SandboxWaba waba, SandboxPhone phone)
            throws Exception {
        String finish = """
                {"outcome":"FINISH","code":"%s","waba_id":"%s","phone_number_id":"%s","business_id":"%s"}""".formatted(code, waba.id(), phone.id(), business.id());
        return mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                        .cookie(session)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(finish))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String statusPage(Cookie session) throws Exception {
        return mvc.perform(get("/configuracoes/whatsapp-oficial/status").cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
