package br.com.whatsappoficial.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxWaba;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A store whose merchant connected a sandbox number through the product's own signup route, as a browser does. */
final class SandboxConnections {

    private final MockMvc mvc;
    private final SandboxMeta sandbox;
    private final StoreDirectory stores;

    SandboxConnections(MockMvc mvc, SandboxMeta sandbox, StoreDirectory stores) {
        this.mvc = mvc;
        this.sandbox = sandbox;
        this.stores = stores;
    }

    /** A merchant logged in, and the business, WABA and number they connect. */
    record Connection(StoreId store, Cookie merchant, SandboxBusiness business, SandboxWaba waba, SandboxPhone phone) {}

    /** A new store with one number connected, registered and approved: status Ativa. */
    Connection activeNumber() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreId store = stores.create("Loja Q " + run, "Quitéria", "q-" + run + "@q.example", "senha-q-123");
        Cookie merchant = login("q-" + run + "@q.example", "senha-q-123");
        SandboxBusiness business = sandbox.createBusiness("Loja Q " + run + " Ltda");
        SandboxWaba waba = sandbox.createWaba(business.id(), "Loja Q");
        Connection connection = new Connection(store, merchant, business, waba, newPhone(waba));
        connect(connection, connection.phone());
        sandbox.setReview(waba.id(), "APPROVED");
        sandbox.approveDisplayName(connection.phone().id());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(page(merchant, "/configuracoes/whatsapp-oficial/status"))
                        .contains("Ativa", "Até 250 clientes únicos"));
        return connection;
    }

    /** Another verified number of the connection's WABA, not yet connected. */
    SandboxPhone newPhone(SandboxWaba waba) {
        SandboxPhone phone = sandbox.addPhone(
                waba.id(), "+551196" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja Q");
        sandbox.verifyPhone(phone.id());
        return phone;
    }

    /** What the signup popup's FINISH event makes the page post. */
    void connect(Connection connection, SandboxPhone number) throws Exception {
        String finish = """
                {"outcome":"FINISH","code":"%s","waba_id":"%s","phone_number_id":"%s"}""".formatted(
                sandbox.issueCode(connection.business().id()), connection.waba().id(), number.id());
        mvc.perform(post("/configuracoes/whatsapp-oficial/conexao")
                .cookie(connection.merchant())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(finish));
    }

    Cookie login(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }

    String page(Cookie user, String path) throws Exception {
        return mvc.perform(get(path).cookie(user)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
