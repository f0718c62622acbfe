package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.store.ApiKeyMode;
import br.com.whatsappoficial.store.ApiKeys;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import br.com.whatsappoficial.template.TemplateStores;
import br.com.whatsappoficial.template.TemplateStores.Connected;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may change a store: its admins. Every state-changing route of the merchant's pages is found in the
 * handler mapping, so a route added without a guard fails here; a member gets 403 on each, and another
 * store's admin, given this store's ids, changes nothing of it.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
class StoreRolesIT {

    private static final Set<RequestMethod> READING =
            Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS);
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

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
    String memberOfA;
    Map<String, String> idsOfA = new LinkedHashMap<>();
    String adminOfB;

    @BeforeEach
    void twoStores() {
        storeA = TemplateStores.connectedStore(directory, accounts, "papeis");
        String run = UUID.randomUUID().toString().substring(0, 8);
        memberOfA = "membro-" + run + "@papeis.example";
        StoreFixtures.addMember(jdbc, directory, storeA.store(), memberOfA, "senha-membro-1");
        StoreUserPrincipal adminA = StoreFixtures.login(directory, storeA.email());
        idsOfA.put(
                "keyId",
                StoreFixtures.createKey(keys, adminA, ApiKeyMode.TEST, "Da loja A")
                        .key()
                        .id()
                        .value());
        idsOfA.put("phoneNumberId", storeA.phoneNumberId());
        String templateId = Long.toString(System.nanoTime());
        jdbc.sql("""
                        insert into templates (template_id, store_id, waba_id, name, language, category, category_at,
                            content, status, status_at, quality_at, updated_at, created_at)
                        values (:id, :store, :waba, :name, 'pt_BR', 'UTILITY', current_timestamp,
                            '{"body":"Olá {{1}}, seu pedido saiu.","examples":{"1":"Ana"}}', 'APPROVED',
                            current_timestamp, current_timestamp, current_timestamp, current_timestamp)""")
                .param("id", templateId)
                .param("store", storeA.store().value())
                .param("waba", storeA.wabaId())
                .param("name", "pedido_" + run)
                .update();
        idsOfA.put("id", templateId);
        adminOfB = "admin-" + run + "@outra.example";
        StoreFixtures.storeWithAdmin(directory, "Outra " + run, adminOfB);
    }

    @Test
    void theMerchantPagesHaveStateChangingRoutesToGuard() {
        assertThat(mutatingRoutes())
                .extracting(Route::path)
                .contains(
                        "/configuracoes/whatsapp-oficial/conexao",
                        "/configuracoes/whatsapp-oficial/api",
                        "/configuracoes/whatsapp-oficial/modelos/sincronizar",
                        "/configuracoes/whatsapp-oficial/modelos/{id}/excluir",
                        "/configuracoes/equipe/convites",
                        "/configuracoes/whatsapp-oficial/numero-ativo",
                        "/configuracoes/whatsapp-oficial/testar-conta",
                        "/configuracoes/whatsapp-oficial/personalizar",
                        "/configuracoes/whatsapp-oficial/personalizar/foto",
                        "/configuracoes/whatsapp-oficial/resposta-automatica",
                        "/configuracoes/whatsapp-oficial/resposta-automatica/previa");
    }

    @Test
    void aMemberIsRefusedEveryStateChangingRoute() throws Exception {
        Cookie session = logIn(memberOfA, "senha-membro-1");
        String before = fingerprint(storeA);

        for (Route route : mutatingRoutes()) {
            mvc.perform(request(route.method(), route.with(idsOfA))
                            .cookie(session)
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }

        assertThat(fingerprint(storeA)).isEqualTo(before);
    }

    @Test
    void aMemberStillSeesTheStore() throws Exception {
        Cookie session = logIn(memberOfA, "senha-membro-1");

        for (String page : List.of(
                "/",
                "/configuracoes",
                "/configuracoes/whatsapp-oficial/modelos",
                "/configuracoes/whatsapp-oficial/resposta-automatica",
                "/configuracoes/whatsapp-oficial/resposta-automatica/cartao")) {
            mvc.perform(get(page).cookie(session)).andExpect(status().isOk());
        }
    }

    @Test
    void anotherStoresAdminChangesNothingOfThisStore() throws Exception {
        Cookie session = logIn(adminOfB, "senha-admin-123");
        String before = fingerprint(storeA);

        for (Route route : mutatingRoutes()) {
            int status = mvc.perform(request(route.method(), route.with(idsOfA))
                            .cookie(session)
                            .with(csrf()))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (VARIABLE.matcher(route.path()).find()) {
                assertThat(status).as(route.toString()).isIn(403, 404);
            }
        }

        assertThat(fingerprint(storeA)).isEqualTo(before);
    }

    /** Every state-changing route of the merchant's pages, as the handler mapping knows them. */
    private List<Route> mutatingRoutes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("br.com.whatsappoficial")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                // the API and the webhooks have chains of their own; an invitation is used before any login, and
                // a throttled login's page (/login/bloqueado) is shown to whoever tried to log in
                if (path.startsWith("/api/")
                        || path.startsWith("/webhooks/")
                        || path.startsWith("/convite/")
                        || path.startsWith("/login/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    routes.add(new Route(HttpMethod.POST, path));
                }
                methods.stream()
                        .filter(method -> !READING.contains(method))
                        .forEach(method -> routes.add(new Route(method.asHttpMethod(), path)));
            }
        });
        return routes;
    }

    /**
     * Every row of the store in every table that has a store_id, so that any change of it shows; without the
     * columns the node's own schedulers and logins move.
     */
    private String fingerprint(Connected store) {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.sql("select table_name from information_schema.columns where column_name = 'store_id'"
                        + " and table_schema = current_schema() order by table_name")
                .query(String.class)
                .list()) {
            all.append(table)
                    .append('=')
                    .append(jdbc.sql(
                                    "select coalesce(md5(string_agg((to_jsonb(t) - array['next_sync_at', 'last_sync_at',"
                                            + " 'last_outcome', 'last_login_at'])::text, '|' order by t::text)), '') from "
                                            + table + " t where store_id = :store")
                            .param("store", store.store().value())
                            .query(String.class)
                            .single())
                    .append('\n');
        }
        return all.toString();
    }

    private Cookie logIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }

    record Route(HttpMethod method, String path) {
        String with(Map<String, String> ids) {
            Matcher variable = VARIABLE.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(filled, ids.getOrDefault(variable.group(1), "1"));
            }
            return variable.appendTail(filled).toString();
        }
    }
}
