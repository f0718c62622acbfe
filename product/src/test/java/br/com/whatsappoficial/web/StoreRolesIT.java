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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may change a store: its admins. Every state-changing route of the merchant's pages is found in the
 * handler mapping, so a route added without a guard fails here; a member gets 403 on each. (Another store's
 * admin is swept by {@link CrossStoreWritesIT}.)
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
class StoreRolesIT {

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
    }

    @Test
    void theMerchantPagesHaveStateChangingRoutesToGuard() {
        assertThat(mutatingRoutes())
                .extracting(MerchantRoutes.Route::path)
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

        for (MerchantRoutes.Route route : mutatingRoutes()) {
            MockHttpServletRequestBuilder call = request(
                            route.method(), route.path(variable -> idsOfA.getOrDefault(variable, "1")))
                    .cookie(session)
                    .with(csrf());
            route.headers().forEach(call::header);
            mvc.perform(call).andExpect(status().isForbidden());
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

    /** The merchant pages' state-changing routes; the API's keys are a store's own, without roles. */
    private List<MerchantRoutes.Route> mutatingRoutes() {
        return MerchantRoutes.changing(mappings).stream()
                .filter(route -> !route.api())
                .toList();
    }

    private String fingerprint(Connected store) {
        return StoreFingerprint.of(jdbc, store.store());
    }

    private Cookie logIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
    }
}
