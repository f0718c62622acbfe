package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An IDOR sweep of the routes that change something: every state-changing route of the merchant's pages and
 * of the campaign API is found in the handler mapping, and each is either given store A's ids (in its path,
 * in a parameter named for an id, or in the form or JSON field listed here) or listed as naming nothing of a
 * store, with why. Store B's admin, or B's API key, calls each with each of A's ids: refused, and not one row
 * of A changed in any table.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
// A's fingerprint must change only by what B does: no background job may touch A's rows meanwhile (the
// reconciliation read A's fake connection at Meta and wrote its WABA and timeline in the middle of a CI run).
@TestPropertySource(
        properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h", "vault.rotation.enabled=false"})
class CrossStoreWritesIT {

    /** Fields of a form that name one of a store's things, by route (method and path). */
    private static final Map<String, String> FORM_ID_FIELDS =
            Map.of("POST /configuracoes/whatsapp-oficial/descadastros/remover", "customer");

    /** JSON bodies that name one of a store's things, by route: the body for one id. */
    private static final Map<String, Function<String, String>> JSON_ID_BODIES = Map.of(
            "POST /configuracoes/whatsapp-oficial/conexao",
            id -> "{\"outcome\":\"FINISH\",\"code\":\"" + id + "\",\"waba_id\":\"" + id + "\",\"phone_number_id\":\""
                    + id + "\"}",
            "POST /api/v1/messages",
            id -> "{\"to\":\"(21) 99876-5432\",\"template\":{\"name\":\"" + id + "\",\"parameters\":[\"Ana\"]}}");

    /** Routes that name nothing of a store: they act on the caller's own store, or on none. */
    private static final Map<String, String> NAMING_NOTHING = Map.ofEntries(
            Map.entry("POST /configuracoes/equipe/convites", "invites into the admin's own store"),
            Map.entry("POST /configuracoes/whatsapp-oficial/api", "creates a key in the admin's own store"),
            Map.entry("POST /configuracoes/whatsapp-oficial/api/avisos", "the admin's own store's callback URL"),
            Map.entry("POST /configuracoes/whatsapp-oficial/api/avisos/segredo", "replaces the own store's secret"),
            Map.entry("POST /configuracoes/whatsapp-oficial/api/avisos/teste", "posts to the own store's URL"),
            Map.entry("POST /configuracoes/whatsapp-oficial/descadastros", "adds a customer to the own store's list"),
            Map.entry("POST /configuracoes/whatsapp-oficial/personalizar", "the own store's business profile"),
            Map.entry("POST /configuracoes/whatsapp-oficial/personalizar/foto", "the own store's profile picture"),
            Map.entry("POST /configuracoes/whatsapp-oficial/resposta-automatica", "the own store's auto-reply"),
            Map.entry("POST /configuracoes/whatsapp-oficial/resposta-automatica/previa", "draws a preview"),
            Map.entry("POST /configuracoes/whatsapp-oficial/testar-conta", "tests the own store's active number"),
            Map.entry("POST /configuracoes/whatsapp-oficial/modelos", "creates a template in the own store"),
            Map.entry("POST /configuracoes/whatsapp-oficial/modelos/previa", "draws a preview"),
            Map.entry("POST /configuracoes/whatsapp-oficial/modelos/variaveis", "draws the variables' fields"),
            Map.entry("POST /configuracoes/whatsapp-oficial/modelos/sincronizar", "syncs the own store's templates"),
            Map.entry("POST /api/v1/templates", "creates a template in the key's own store"),
            Map.entry("POST /api/v1/recipients/check", "checks phone numbers against the key's own store"),
            Map.entry("POST /api/v1/**", "answers an unknown API path"));

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

    Connected storeA;
    List<String> idsOfA = new ArrayList<>();
    String invitationOfA;
    String keyOfA;
    String customerOfA;
    Connected storeB;
    String keyOfB;

    @BeforeEach
    void storeAWithSomethingOfEachKind() {
        storeA = TemplateStores.connectedStore(directory, accounts, "escrita");
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreUserPrincipal adminA = StoreFixtures.login(directory, storeA.email());
        String keyId = StoreFixtures.createKey(keys, adminA, ApiKeyMode.TEST, "Da loja A")
                .key()
                .id()
                .value();
        String templateId = Long.toString(System.nanoTime());
        String templateName = "pedido_" + run;
        UUID invitation = UUID.randomUUID();
        String customer = "5511977770000";
        UUID testRun = UUID.randomUUID();
        Map<String, Object> values = Map.of(
                "store",
                storeA.store().value(),
                "waba",
                storeA.wabaId(),
                "phone",
                storeA.phoneNumberId(),
                "template",
                templateId,
                "name",
                templateName,
                "invitation",
                invitation,
                "email",
                "convidada-" + run + "@a.example",
                "hash",
                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8),
                "customer",
                customer,
                "run",
                testRun);
        for (String insert : List.of("""
                insert into templates (template_id, store_id, waba_id, name, language, category, category_at,
                    content, status, status_at, quality_at, updated_at, created_at)
                values (:template, :store, :waba, :name, 'pt_BR', 'UTILITY', current_timestamp,
                    '{"body":"Olá {{1}}, seu pedido saiu.","examples":{"1":"Ana"}}', 'APPROVED',
                    current_timestamp, current_timestamp, current_timestamp, current_timestamp)""", """
                insert into store_invitations (invitation_id, store_id, email, role, token_hash, created_at, expires_at)
                values (:invitation, :store, :email, 'MEMBER', :hash, current_timestamp,
                    current_timestamp + interval '7 days')""", """
                insert into messaging_opt_outs (store_id, customer, source, opted_out_at)
                values (:store, :customer, 'merchant', current_timestamp)""", """
                insert into registrations (phone_number_id, store_id, waba_id, state, two_step_pin, created_at,
                    updated_at)
                values (:phone, :store, :waba, 'AWAIT_RECONNECTION', :hash, current_timestamp, current_timestamp)""", """
                insert into account_test_runs (run_id, store_id, phone_number_id, merchant_phone, code, started_at,
                    deadline, verdict)
                values (:run, :store, :phone, '+5511987650000', 'TESTE-ABCDEF', current_timestamp,
                    current_timestamp + interval '1 hour', 'RUNNING')""")) {
            // each statement takes the values it names
            jdbc.sql(insert).params(values).update();
        }
        idsOfA.addAll(List.of(
                keyId,
                templateId,
                templateName,
                invitation.toString(),
                customer,
                testRun.toString(),
                storeA.phoneNumberId(),
                storeA.wabaId(),
                storeA.store().value().toString()));

        invitationOfA = invitation.toString();
        keyOfA = keyId;
        customerOfA = customer;

        // B has a number of its own, so that its requests get past "connect a number first" to the ids.
        storeB = TemplateStores.connectedStore(directory, accounts, "outra");
        keyOfB = StoreFixtures.createKey(keys, StoreFixtures.login(directory, storeB.email()), ApiKeyMode.TEST, "B")
                .secret()
                .reveal();
    }

    @Test
    void theSeededIdsReachAsRowsWhenAUsesThem() throws Exception {
        Cookie sessionOfA = logIn(storeA.email(), storeA.password());
        Map<String, String> ownCalls = Map.of(
                "/configuracoes/equipe/convites/" + invitationOfA + "/revogar",
                "",
                "/configuracoes/whatsapp-oficial/api/" + keyOfA + "/revogar",
                "",
                "/configuracoes/whatsapp-oficial/descadastros/remover",
                customerOfA);
        for (Map.Entry<String, String> own : ownCalls.entrySet()) {
            String before = StoreFingerprint.of(jdbc, storeA.store());
            MockHttpServletRequestBuilder request =
                    request(HttpMethod.POST, own.getKey()).with(csrf()).cookie(sessionOfA);
            if (!own.getValue().isEmpty()) {
                request.param("customer", own.getValue());
            }
            mvc.perform(request);

            assertThat(StoreFingerprint.of(jdbc, storeA.store()))
                    .as("A's own %s changes A's rows", own.getKey())
                    .isNotEqualTo(before);
        }
    }

    @Test
    void everyStateChangingRouteIsSweptWithIdsOrSaidToNameNothing() {
        Set<String> unaccounted = new TreeSet<>();
        Set<String> both = new TreeSet<>();
        for (Route route : MerchantRoutes.changing(mappings)) {
            boolean swept = takesAnId(route);
            boolean namingNothing = NAMING_NOTHING.containsKey(name(route));
            if (!swept && !namingNothing) {
                unaccounted.add(route.key());
            }
            if (swept && namingNothing) {
                both.add(route.key());
            }
        }
        Set<String> stale = new TreeSet<>(NAMING_NOTHING.keySet());
        MerchantRoutes.changing(mappings).forEach(route -> stale.remove(name(route)));

        assertThat(unaccounted)
                .as("routes that change something, take no id we can see and are not said to name nothing")
                .isEmpty();
        assertThat(both)
                .as("routes listed as naming nothing that do take an id")
                .isEmpty();
        assertThat(stale).as("listed routes that no longer exist").isEmpty();
        assertThat(MerchantRoutes.changing(mappings).stream().filter(this::takesAnId))
                .extracting(Route::path)
                .contains(
                        "/configuracoes/equipe/convites/{id}/revogar",
                        "/configuracoes/whatsapp-oficial/api/{keyId}/revogar",
                        "/configuracoes/whatsapp-oficial/modelos/{id}/editar",
                        "/configuracoes/whatsapp-oficial/modelos/{id}/excluir",
                        "/configuracoes/whatsapp-oficial/numero-ativo",
                        "/configuracoes/whatsapp-oficial/status/retomar",
                        "/configuracoes/whatsapp-oficial/status/numeros/{phoneNumberId}/codigo",
                        "/configuracoes/whatsapp-oficial/descadastros/remover",
                        "/configuracoes/whatsapp-oficial/conexao",
                        "/api/v1/messages");
    }

    @Test
    void storeBChangesNothingOfStoreAWithItsIds() throws Exception {
        Cookie sessionOfB = logIn(storeB.email(), storeB.password());
        String before = StoreFingerprint.of(jdbc, storeA.store());

        for (Route route : MerchantRoutes.changing(mappings)) {
            if (!takesAnId(route)) {
                call(route, "1", sessionOfB);
                continue;
            }
            for (String id : idsOfA) {
                int status = call(route, id, sessionOfB);
                if (route.hasPathVariable()) {
                    assertThat(status).as("%s as B with %s", route, id).isIn(400, 403, 404);
                } else {
                    // A form's POST answers with its page or a redirect carrying the refusal; the rows tell.
                    assertThat(status).as("%s as B with %s", route, id).isNotIn(500, 503);
                }
            }
            assertThat(StoreFingerprint.of(jdbc, storeA.store()))
                    .as("A's rows after %s as B", route)
                    .isEqualTo(before);
        }
    }

    private boolean takesAnId(Route route) {
        return route.takesAnId() || FORM_ID_FIELDS.containsKey(name(route)) || JSON_ID_BODIES.containsKey(name(route));
    }

    private static String name(Route route) {
        return route.method().name() + " " + route.path();
    }

    private int call(Route route, String id, Cookie session) throws Exception {
        MockHttpServletRequestBuilder request =
                request(route.method(), route.path(variable -> id)).with(csrf());
        route.headers().forEach(request::header);
        route.idParameters().forEach(parameter -> request.param(parameter, id));
        String field = FORM_ID_FIELDS.get(name(route));
        if (field != null) {
            request.param(field, id);
        }
        Function<String, String> body = JSON_ID_BODIES.get(name(route));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body.apply(id));
        }
        if (route.api()) {
            request.header("Authorization", "Bearer " + keyOfB).header("Idempotency-Key", UUID.randomUUID());
        } else {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private Cookie logIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }
}
