package br.com.whatsappoficial.template;

import static br.com.whatsappoficial.template.TemplateStores.statusUpdate;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.store.ApiKeyMode;
import br.com.whatsappoficial.store.ApiKeys;
import br.com.whatsappoficial.store.CreatedApiKey;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.template.TemplateStores.Connected;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code /api/v1/templates} as the campaign engine uses it: create (checked against Meta's rules first,
 * then sent to Meta), list and read with Meta's status as webhooks move it, in the engine's language, and
 * never another store's.
 */
@AutoConfigureMockMvc
class TemplatesApiIT extends TemplatesIntegrationTest {

    static final String ORDER_SHIPPED = """
            {"name": "%s", "category": "UTILITY", "body": "Olá {{1}}, seu pedido saiu e chega até {{2}}.",
             "examples": ["Ana", "sexta-feira"], "footer": "Loja Exemplo",
             "buttons": [{"type": "QUICK_REPLY", "text": "Falar com a loja"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    StoreDirectory stores;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    ApiKeys keys;

    Connected shop;
    CreatedApiKey key;

    @BeforeEach
    void aStoreWithAConnectedWabaAndAKey() {
        shop = TemplateStores.connectedStore(stores, accounts, "api");
        MetaTemplatesStub.acceptsCreations(shop.wabaId());
        key = StoreFixtures.createKey(keys, StoreFixtures.login(stores, shop.email()), ApiKeyMode.TEST, "Campanhas");
    }

    @Test
    void aCreatedTemplateIsPendingAndFollowsMetasReview() throws Exception {
        String id = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(withKey(post("/api/v1/templates"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(ORDER_SHIPPED.formatted("pedido_enviado")))
                        .andExpect(status().isCreated())
                        .andExpect(header().string("Location", "/api/v1/templates/pedido_enviado?language=pt_BR"))
                        .andExpect(jsonPath("$.status").value("PENDING"))
                        .andExpect(jsonPath("$.category").value("UTILITY"))
                        .andExpect(jsonPath("$.parameterFormat").value("positional"))
                        .andExpect(jsonPath("$.variables[0]").value("1"))
                        .andExpect(jsonPath("$.variables[1]").value("2"))
                        .andExpect(jsonPath("$.components.buttons[0].type").value("QUICK_REPLY"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        TemplateStores.webhook(
                port,
                statusUpdate(
                        shop.wabaId(),
                        Instant.now().getEpochSecond() + 60,
                        id,
                        "pedido_enviado",
                        "REJECTED",
                        "PROMOTIONAL"));

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(withKey(get("/api/v1/templates/pedido_enviado")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("REJECTED"))
                        .andExpect(jsonPath("$.rejection.reason").value("PROMOTIONAL"))
                        .andExpect(jsonPath("$.rejection.explanation", containsString("promocional"))));
        mvc.perform(withKey(get("/api/v1/templates/pedido_enviado")).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.rejection.explanation", containsString("promotional")));
        mvc.perform(withKey(get("/api/v1/templates")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data", hasSize(1)))
                .andExpect(jsonPath("$.data[0].name").value("pedido_enviado"));
    }

    @Test
    void whatMetaWouldRefuseIsAValidationProblemNamingEachFieldAndIsNeverSent() throws Exception {
        int before = MetaTemplatesStub.creationsSentTo(shop.wabaId());

        mvc.perform(withKey(post("/api/v1/templates"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Pedido Enviado", "category": "UTILITY", "body": "{{1}}, seu pedido saiu.",
                                 "examples": ["Ana"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'body')].message")
                        .value(org.hamcrest.Matchers.hasItem(containsString("variável"))));
        mvc.perform(withKey(post("/api/v1/templates"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "x", "category": "UTILITY", "body": "Oi {{1}} tudo bem", "examples": "Ana"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("examples"));

        org.assertj.core.api.Assertions.assertThat(MetaTemplatesStub.creationsSentTo(shop.wabaId()))
                .isEqualTo(before);
    }

    @Test
    void aLinkEndingInAVariableNeedsItsExampleAndIsListedWithIt() throws Exception {
        create("""
                                {"name": "pedido_link", "category": "UTILITY", "body": "Olá {{1}}, seu pedido saiu.",
                                 "examples": ["Ana"], "buttons": [{"type": "URL", "text": "Ver pedido",
                                 "value": "https://loja.example/pedido/{{1}}"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'buttons')].message")
                        .value(org.hamcrest.Matchers.hasItem(containsString("pedido/1001"))));

        create("""
                                {"name": "pedido_link", "category": "UTILITY", "body": "Olá {{1}}, seu pedido saiu.",
                                 "examples": ["Ana"], "buttons": [{"type": "URL", "text": "Ver pedido",
                                 "value": "https://loja.example/pedido/{{1}}", "example": "pedido/1001"}]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.components.headerFormat").value("TEXT"))
                .andExpect(jsonPath("$.components.buttons[0].value").value("https://loja.example/pedido/{{1}}"))
                .andExpect(jsonPath("$.components.buttons[0].example").value("pedido/1001"));
    }

    @Test
    void namedVariablesTakeAnObjectOfExamples() throws Exception {
        mvc.perform(withKey(post("/api/v1/templates"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "boas_vindas", "category": "MARKETING", "language": "pt_BR",
                                 "body": "Oi {{nome}}, bem-vinda à loja!", "examples": {"nome": "Ana"}}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.parameterFormat").value("named"))
                .andExpect(jsonPath("$.variables[0]").value("nome"));
    }

    @Test
    void metasThrottlingIsA429WithWhenToRetry() throws Exception {
        MetaTemplatesStub.throttlesCreations(shop.wabaId());

        mvc.perform(withKey(post("/api/v1/templates"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ORDER_SHIPPED.formatted("pedido_limitado")))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("template_creations_exhausted"))
                .andExpect(jsonPath("$.retryAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z")));
    }

    @Test
    void anotherStoresTemplateIsNotFoundAndNotListed() throws Exception {
        mvc.perform(withKey(post("/api/v1/templates"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ORDER_SHIPPED.formatted("segredo_da_loja")))
                .andExpect(status().isCreated());
        Connected other = TemplateStores.connectedStore(stores, accounts, "outra");
        CreatedApiKey otherKey =
                StoreFixtures.createKey(keys, StoreFixtures.login(stores, other.email()), ApiKeyMode.TEST, "Outra");

        mvc.perform(get("/api/v1/templates/segredo_da_loja")
                        .header("Authorization", "Bearer " + otherKey.secret().reveal()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"));
        mvc.perform(get("/api/v1/templates")
                        .header("Authorization", "Bearer " + otherKey.secret().reveal()))
                .andExpect(jsonPath("$.data", hasSize(0)));
    }

    private org.springframework.test.web.servlet.ResultActions create(String template) throws Exception {
        return mvc.perform(withKey(post("/api/v1/templates"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(template));
    }

    private MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + key.secret().reveal());
    }
}
