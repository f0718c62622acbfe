package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.store.ApiKeyMode;
import br.com.whatsappoficial.store.ApiKeys;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import br.com.whatsappoficial.template.TemplateStores;
import br.com.whatsappoficial.template.TemplateStores.Connected;
import br.com.whatsappoficial.web.MerchantRoutes.Route;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An IDOR sweep: every reading route of the merchant's pages and of the campaign API that takes an id
 * (a path variable, or a request parameter named for an id) is found in the handler mapping, so a new
 * one is swept without being listed. Store B, logged in or with its own API key, asks for each of store
 * A's ids and gets 403 or 404 with none of A's data; A, asking the same, gets its own.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
class CrossStoreReadsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    StoreDirectory directory;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    String run;
    Connected storeA;
    String keyOfA;
    List<String> idsOfA = new ArrayList<>();
    /** Text only A's data holds: none of it may reach B. */
    List<String> dataOfA = new ArrayList<>();

    String adminOfB;
    String keyOfB;

    @BeforeEach
    void storeAWithSomethingOfEachKind() {
        run = UUID.randomUUID().toString().substring(0, 8);
        storeA = TemplateStores.connectedStore(directory, accounts, "idor");
        keyOfA = StoreFixtures.createKey(keys, StoreFixtures.login(directory, storeA.email()), ApiKeyMode.TEST, "A")
                .secret()
                .reveal();
        String template = "segredo_" + run;
        String templateId = Long.toString(System.nanoTime());
        jdbc.sql("""
                        insert into templates (template_id, store_id, waba_id, name, language, category, category_at,
                            content, status, status_at, quality_at, updated_at, created_at)
                        values (:id, :store, :waba, :name, 'pt_BR', 'UTILITY', current_timestamp,
                            :content, 'APPROVED', current_timestamp, current_timestamp, current_timestamp, current_timestamp)""")
                .param("id", templateId)
                .param("store", storeA.store().value())
                .param("waba", storeA.wabaId())
                .param("name", template)
                .param("content", "{\"body\":\"Texto de A " + run + ", {{1}}.\",\"examples\":{\"1\":\"Ana\"}}")
                .update();
        UUID message = UUID.randomUUID();
        jdbc.sql("""
                        insert into messaging_messages (message_id, store_id, phone_number_id, waba_id, portfolio, customer,
                            recipient_input, recipient_to, kind, content, counts_against_limit, status, sending,
                            attempts, created_at, updated_at)
                        values (:id, :store, :phone, :waba, :waba, '5511900000000', :recipient, '+5511900000000', 'text',
                            :content, false, 'queued', 'QUEUED', 0, current_timestamp, current_timestamp)""")
                .param("id", message)
                .param("store", storeA.store().value())
                .param("phone", storeA.phoneNumberId())
                .param("waba", storeA.wabaId())
                .param("recipient", "cliente-de-a-" + run)
                .param("content", "{\"body\":\"Mensagem de A " + run + "\",\"previewUrl\":false}")
                .update();
        UUID testRun = UUID.randomUUID();
        jdbc.sql("""
                        insert into account_test_runs (run_id, store_id, phone_number_id, merchant_phone, code, started_at,
                            deadline, verdict)
                        values (:id, :store, :phone, '+5511987650000', :code, current_timestamp,
                            current_timestamp + interval '1 hour', 'RUNNING')""")
                .param("id", testRun)
                .param("store", storeA.store().value())
                .param("phone", storeA.phoneNumberId())
                .param("code", "TESTE-ABCDEF")
                .update();
        idsOfA.addAll(List.of(
                template, templateId, message.toString(), testRun.toString(), storeA.phoneNumberId(), storeA.wabaId()));
        dataOfA.addAll(List.of("cliente-de-a-", "Texto de A", "Mensagem de A", "98765-0000", "987650000"));

        adminOfB = "admin-" + run + "@b.example";
        StoreUserPrincipal b = StoreFixtures.storeWithAdmin(directory, "Loja B " + run, adminOfB);
        keyOfB = StoreFixtures.createKey(keys, b, ApiKeyMode.TEST, "B").secret().reveal();
    }

    @Test
    void theSweepFindsTheRoutesThatTakeAnId() {
        assertThat(readingRoutesWithAnId())
                .extracting(Route::path)
                .contains(
                        "/api/v1/messages/{id}",
                        "/api/v1/templates/{name}",
                        "/configuracoes/whatsapp-oficial/testar-conta/execucoes/{id}",
                        "/configuracoes/whatsapp-oficial/testar-conta/execucoes/{id}/qr.svg");
    }

    @Test
    void storeBGetsNothingOfStoreAByItsIds() throws Exception {
        Cookie sessionOfA = logIn(storeA.email(), storeA.password());
        Cookie sessionOfB = logIn(adminOfB, "senha-admin-123");
        for (Route route : readingRoutesWithAnId()) {
            List<Integer> answersToA = new ArrayList<>();
            for (String id : idsOfA) {
                MockHttpServletResponse asB = call(route, id, sessionOfB, keyOfB);
                assertThat(asB.getStatus()).as("%s as B with %s", route, id).isIn(400, 403, 404);
                String body = asB.getContentAsString();
                for (String data : dataOfA) {
                    assertThat(body).as("%s as B with %s", route, id).doesNotContain(data);
                }
                answersToA.add(call(route, id, sessionOfA, keyOfA).getStatus());
            }
            // Otherwise the sweep proves nothing for this route: seed A with what it reads.
            assertThat(answersToA).as("%s answers A for one of its ids", route).contains(200);
        }
    }

    private MockHttpServletResponse call(Route route, String id, Cookie session, String key) throws Exception {
        MockHttpServletRequestBuilder request = get(route.path(variable -> id));
        route.headers().forEach(request::header);
        for (String parameter : route.idParameters()) {
            request.param(parameter, id);
        }
        if (route.api()) {
            request.header("Authorization", "Bearer " + key);
        } else {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Every reading route of ours with a path variable or an id parameter. */
    private List<Route> readingRoutesWithAnId() {
        return MerchantRoutes.reading(mappings).stream()
                .filter(Route::takesAnId)
                .toList();
    }

    private Cookie logIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }
}
