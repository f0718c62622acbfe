package br.com.whatsappoficial.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.NewConnection;
import br.com.whatsappoficial.meta.BusinessPhoneNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.WhatsAppBusinessAccount;
import br.com.whatsappoficial.store.ApiKey;
import br.com.whatsappoficial.store.ApiKeyMode;
import br.com.whatsappoficial.store.ApiKeys;
import br.com.whatsappoficial.store.CreatedApiKey;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import jakarta.servlet.http.Cookie;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The campaign API end to end on PostgreSQL: bearer keys, tenancy by the key's store, the problem shape
 * and GET /api/v1/limits.
 */
@PostgresIntegrationTest
// Its numbers are made up: Meta (the sandbox) would refuse their tokens if the reconciliation read them.
@TestPropertySource(properties = "account.reconciliation-poll=1h")
@AutoConfigureMockMvc
@Import(CampaignApiIT.EchoApi.class)
class CampaignApiIT {

    /** A resource with a body, header and validation, as the next endpoints will have. */
    @CampaignApi
    static class EchoApi {

        record Order(@NotBlank String name, @Min(1) int count, List<String> tags) {}

        @PostMapping("/test-echo")
        Order echo(@RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody Order order) {
            return order;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    StoreDirectory directory;

    @Autowired
    ApiKeys keys;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    StoreUserPrincipal adminA;
    StoreUserPrincipal adminB;
    CreatedApiKey keyA;
    CreatedApiKey keyB;

    @BeforeEach
    void twoStoresWithAKeyEach() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        adminA = StoreFixtures.storeWithAdmin(directory, "Loja A " + run, "a-" + run + "@a.example");
        adminB = StoreFixtures.storeWithAdmin(directory, "Loja B " + run, "b-" + run + "@b.example");
        keyA = StoreFixtures.createKey(keys, adminA, ApiKeyMode.TEST, "Campanhas A");
        keyB = StoreFixtures.createKey(keys, adminB, ApiKeyMode.TEST, "Campanhas B");
    }

    @Test
    void aRequestWithoutAKeyIsA401Problem() throws Exception {
        unauthorized(mvc.perform(get("/api/v1/limits")))
                .andExpect(jsonPath("$.detail", containsString("Authorization: Bearer")));
    }

    @Test
    void anUnknownKeyIsA401Problem() throws Exception {
        String revealed = keyA.secret().reveal();
        String otherSecret = revealed.substring(0, revealed.length() - 1) + (revealed.endsWith("a") ? "b" : "a");

        unauthorized(mvc.perform(get("/api/v1/limits").header("Authorization", "Bearer " + otherSecret)));
        unauthorized(mvc.perform(get("/api/v1/limits").header("Authorization", "Bearer wo_test_nonsense")));
        unauthorized(mvc.perform(get("/api/v1/limits").header("Authorization", "Basic " + revealed)));
    }

    @Test
    void aRevokedKeyIsA401ProblemFromTheNextRequestOn() throws Exception {
        connectNumber(adminA, "APPROVED", "TIER_250");
        mvc.perform(withKey(get("/api/v1/limits"), keyA)).andExpect(status().isOk());

        StoreFixtures.revoke(keys, adminA, keyA.key().id());

        unauthorized(mvc.perform(withKey(get("/api/v1/limits"), keyA)))
                .andExpect(jsonPath("$.detail", containsString("revogada")));
    }

    @Test
    void aLiveKeyDoesNotOpenASandboxNode() throws Exception {
        CreatedApiKey live = StoreFixtures.createKey(keys, adminA, ApiKeyMode.LIVE, "Produção");
        connectNumber(adminA, "APPROVED", "TIER_250");

        unauthorized(mvc.perform(withKey(get("/api/v1/limits"), live)));
    }

    @Test
    void aMerchantsLoginDoesNotOpenTheApi() throws Exception {
        Cookie session = mvc.perform(
                        formLogin("/login").user(adminA.getUsername()).password("senha-admin-123"))
                .andReturn()
                .getResponse()
                .getCookie("WO_SESSION");
        assertThat(session).isNotNull();

        unauthorized(mvc.perform(get("/api/v1/limits").cookie(session)));
    }

    @Test
    void aKeySeesOnlyItsOwnStore() throws Exception {
        connectNumber(adminA, "APPROVED", "TIER_250");

        mvc.perform(withKey(get("/api/v1/limits"), keyA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number.display").value("+55 11 91234-5678"))
                .andExpect(jsonPath("$.number.status").value("ativa"))
                .andExpect(jsonPath("$.proactive.limit").value(250))
                .andExpect(jsonPath("$.proactive.source").value("meta"))
                .andExpect(jsonPath("$.proactive.window").value("PT24H"))
                .andExpect(jsonPath("$.proactive.used").value(0))
                .andExpect(jsonPath("$.proactive.remaining").value(250))
                .andExpect(jsonPath("$.proactive.nextReleaseAt").isEmpty())
                .andExpect(jsonPath("$.throughput.messagesPerSecond").value(80));

        // Store B has no number: its key finds none, never store A's.
        mvc.perform(withKey(get("/api/v1/limits"), keyB))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("number_not_ready"))
                .andExpect(jsonPath("$.number").doesNotExist());
    }

    @Test
    void aNumberInReviewIsCappedAtTheFloor() throws Exception {
        connectNumber(adminA, "PENDING", "TIER_250");

        mvc.perform(withKey(get("/api/v1/limits"), keyA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number.status").value("em_analise"))
                .andExpect(jsonPath("$.proactive.limit").value(50))
                .andExpect(jsonPath("$.proactive.source").value("floor"));
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() throws Exception {
        assertThat(key(adminA).lastUsedAt()).isNull();

        mvc.perform(withKey(get("/api/v1/limits"), keyA));
        Instant first = key(adminA).lastUsedAt();
        assertThat(first).isNotNull();

        mvc.perform(withKey(get("/api/v1/limits"), keyA));
        assertThat(key(adminA).lastUsedAt()).isEqualTo(first);

        jdbc.sql("update api_keys set last_used_at = last_used_at - interval '2 minutes' where key_id = :id")
                .param("id", keyA.key().id().value())
                .update();
        mvc.perform(withKey(get("/api/v1/limits"), keyA));
        assertThat(key(adminA).lastUsedAt()).isAfterOrEqualTo(first);
        assertThat(key(keyBOwner()).lastUsedAt()).isNull();
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        problem(mvc.perform(withKey(get("/api/v1/nao-existe"), keyA)), 404, "not_found")
                .andExpect(jsonPath("$.title").value("Recurso não encontrado"))
                .andExpect(jsonPath("$.instance").value("/api/v1/nao-existe"));
        problem(mvc.perform(withKey(post("/api/v1/limits"), keyA)), 404, "not_found");
    }

    @Test
    void titlesArePortugueseByDefaultAndEnglishOnRequest() throws Exception {
        problem(mvc.perform(get("/api/v1/limits")), 401, "unauthorized")
                .andExpect(jsonPath("$.title").value("Chave da API ausente ou inválida"));
        problem(mvc.perform(get("/api/v1/limits").header("Accept-Language", "en-US,en;q=0.9")), 401, "unauthorized")
                .andExpect(jsonPath("$.title").value("Missing or invalid API key"));
        problem(mvc.perform(withKey(get("/api/v1/nao-existe"), keyA).header("Accept-Language", "en")), 404, "not_found")
                .andExpect(jsonPath("$.title").value("Resource not found"));
        problem(mvc.perform(withKey(get("/api/v1/nao-existe"), keyA).header("Accept-Language", "fr")), 404, "not_found")
                .andExpect(jsonPath("$.title").value("Recurso não encontrado"));
    }

    @Test
    void invalidFieldsAreAValidationProblemNamingEachField() throws Exception {
        problem(
                        mvc.perform(withKey(post("/api/v1/test-echo"), keyA)
                                .header("Idempotency-Key", "k-1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \" \", \"count\": 0, \"tags\": []}")),
                        400,
                        "validation")
                .andExpect(jsonPath("$.title").value("Pedido inválido"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'count')].message").isNotEmpty());
    }

    @Test
    void malformedJsonIsAValidationProblem() throws Exception {
        problem(
                        mvc.perform(withKey(post("/api/v1/test-echo"), keyA)
                                .header("Idempotency-Key", "k-1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"x\", ")),
                        400,
                        "validation")
                .andExpect(jsonPath("$.errors[0].field").value("body"));

        problem(
                        mvc.perform(withKey(post("/api/v1/test-echo"), keyA)
                                .header("Idempotency-Key", "k-1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"x\", \"count\": \"many\", \"tags\": []}")),
                        400,
                        "validation")
                .andExpect(jsonPath("$.errors[0].field").value("count"));
    }

    @Test
    void aMissingHeaderIsAValidationProblemNamingIt() throws Exception {
        problem(
                        mvc.perform(withKey(post("/api/v1/test-echo"), keyA)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"x\", \"count\": 1, \"tags\": []}")),
                        400,
                        "validation")
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void aValidRequestReachesItsResourceWithoutSessionOrCsrf() throws Exception {
        mvc.perform(withKey(post("/api/v1/test-echo"), keyA)
                        .header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"count\": 1, \"tags\": [\"a\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("x"))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void theOpenApiDescriptionDocumentsTheBearerSchemeAndTheProblemShape() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.components.securitySchemes.apiKey.scheme").value("bearer"))
                .andExpect(jsonPath(
                        "$.components.schemas.Problem.properties.code.enum", hasSize(ProblemCode.values().length)))
                .andExpect(
                        jsonPath("$.paths['/api/v1/limits'].get.responses['401'].content['application/problem+json']")
                                .exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/limits'].get.responses['409'].content['application/problem+json']")
                                .exists())
                .andExpect(jsonPath(
                                "$.paths['/api/v1/messages'].post.responses['429'].content['application/problem+json']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/messages'].post.parameters[?(@.name == 'Idempotency-Key')]")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/messages/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/recipients/check'].post").exists())
                .andExpect(jsonPath("$.paths['/configuracoes']").doesNotExist())
                .andExpect(jsonPath("$.webhooks.messageStatus.post.parameters[?(@.name == 'X-WO-Signature')]")
                        .exists())
                .andExpect(jsonPath("$.info.description", containsString("X-WO-Signature: sha256=")));
        mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection());
    }

    private ResultActions unauthorized(ResultActions result) throws Exception {
        return problem(result, 401, "unauthorized")
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(header().doesNotExist("Location"))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    private static ResultActions problem(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:whatsapp-oficial:problem:" + code))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.properties").doesNotExist());
    }

    private static MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request, CreatedApiKey key) {
        return request.header("Authorization", "Bearer " + key.secret().reveal());
    }

    private ApiKey key(StoreUserPrincipal admin) {
        CreatedApiKey created = admin == adminA ? keyA : keyB;
        return CurrentStore.callAs(
                        admin.storeId(), () -> keys.find(created.key().id()))
                .orElseThrow();
    }

    private StoreUserPrincipal keyBOwner() {
        return adminB;
    }

    private void connectNumber(StoreUserPrincipal admin, String accountReview, String tier) {
        String waba = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        String phone = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        BusinessPhoneNumber number = new BusinessPhoneNumber(
                phone,
                "+55 11 91234-5678",
                "Loja",
                "VERIFIED",
                "GREEN",
                "CONNECTED",
                "APPROVED",
                null,
                "LIVE",
                "CLOUD_API",
                false,
                null,
                tier,
                null,
                null,
                null,
                null,
                null);
        WhatsAppBusinessAccount account = new WhatsAppBusinessAccount(
                waba, "Loja", "BRL", null, null, accountReview, null, "BR", null, null, null);
        CurrentStore.runAs(
                admin.storeId(),
                () -> accounts.connect(
                        new NewConnection(null, account, number, new BusinessToken("token-" + waba), null)));
    }
}
