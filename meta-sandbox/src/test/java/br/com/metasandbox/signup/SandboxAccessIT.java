package br.com.metasandbox.signup;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.SandboxWaba;
import br.com.metasandbox.TestClock;
import br.com.testsupport.PostgresIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Code exchange, debug_token and the access-token rules of every sandbox Graph call. */
@PostgresIntegrationTest
@Import(TestClock.Configuration.class)
class SandboxAccessIT {

    @Autowired
    SandboxMeta meta;

    @Autowired
    TestClock clock;

    @Autowired
    EmbeddedSignup signup;

    @LocalServerPort
    int port;

    Graph graph;

    @BeforeEach
    void graph() {
        graph = new Graph(port);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void exchangesACodeForABearerBusinessToken() {
        SandboxBusiness business = meta.createBusiness("Loja Aurora");
        Graph.Answer answer = exchange(meta.issueCode(business.id()), "sandbox-app-secret");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("access_token").asString()).startsWith("EAA");
        assertThat(answer.body().path("token_type").asString()).isEqualTo("bearer");
    }

    @Test
    void refusesACodeUsedTwice() {
        String code = meta.issueCode(meta.createBusiness("Loja").id());
        assertThat(exchange(code, "sandbox-app-secret").status()).isEqualTo(200);

        Graph.Answer again = exchange(code, "sandbox-app-secret");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo(100);
        assertThat(again.error().path("type").asString()).isEqualTo("OAuthException");
        assertThat(again.message()).isEqualTo("This authorization code has been used.");
    }

    @Test
    void refusesACodeOlderThanThirtySeconds() {
        String code = meta.issueCode(meta.createBusiness("Loja").id());
        clock.advance(Duration.ofSeconds(31));

        Graph.Answer late = exchange(code, "sandbox-app-secret");

        assertThat(late.code()).isEqualTo(100);
        assertThat(late.message()).isEqualTo("This authorization code has expired.");
    }

    @Test
    void refusesTheWrongAppSecretOrAppId() {
        String code = meta.issueCode(meta.createBusiness("Loja").id());
        Graph.Answer wrongSecret = exchange(code, "not-the-secret");
        assertThat(wrongSecret.status()).isEqualTo(400);
        assertThat(wrongSecret.error().path("type").asString()).isEqualTo("OAuthException");

        Graph.Answer wrongApp = graph.get(
                "/oauth/access_token"
                        + Graph.query(Graph.params(
                                "client_id", "other-app", "client_secret", "sandbox-app-secret", "code", code)),
                null);
        assertThat(wrongApp.code()).isEqualTo(101);
        // the code was not spent by the refused attempts
        assertThat(exchange(code, "sandbox-app-secret").status()).isEqualTo(200);
    }

    @Test
    void debugTokenDescribesTheSystemUserTokenWithItsWabasNewestFirst() {
        SandboxBusiness business = meta.createBusiness("Loja");
        SandboxWaba older = meta.createWaba(business.id(), "Loja 1");
        clock.advance(Duration.ofSeconds(1));
        SandboxWaba newer = meta.createWaba(business.id(), "Loja 2");
        String token = SandboxScene.exchange(meta, graph, business.id());

        Graph.Answer answer = graph.get(
                "/debug_token"
                        + Graph.query(
                                Graph.params("input_token", token, "access_token", "sandbox-app|sandbox-app-secret")),
                null);

        JsonNode data = answer.body().path("data");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(data.path("type").asString()).isEqualTo("SYSTEM_USER");
        assertThat(data.path("app_id").asString()).isEqualTo("sandbox-app");
        assertThat(data.path("is_valid").asBoolean()).isTrue();
        assertThat(data.path("expires_at").asLong()).isGreaterThan(0);
        assertThat(data.path("scopes").toString())
                .contains("whatsapp_business_management", "whatsapp_business_messaging");
        JsonNode granular = data.path("granular_scopes");
        assertThat(granular).hasSize(2);
        assertThat(ids(granular.get(0).path("target_ids"))).containsExactly(newer.id(), older.id());

        meta.revokeTokens(business.id());
        Graph.Answer revoked = graph.get(
                "/debug_token"
                        + Graph.query(
                                Graph.params("input_token", token, "access_token", "sandbox-app|sandbox-app-secret")),
                null);
        assertThat(revoked.body().path("data").path("is_valid").asBoolean()).isFalse();
    }

    @Test
    void debugTokenGrantsOnlyTheWabaSharedInThatSignupNotEveryWabaOfTheBusiness() {
        String id = signup.start(new SignupRequest("http://localhost", "sandbox-app", null))
                .id();
        signup.login(signup.session(id).orElseThrow(), "eva@loja.example", "qualquer");
        signup.chooseBusiness(signup.session(id).orElseThrow(), "new", "Loja Eva Ltda");
        String businessId = signup.session(id).orElseThrow().businessId();
        SandboxWaba notShared = meta.createWaba(businessId, "Loja Eva Filial");
        signup.chooseWaba(signup.session(id).orElseThrow(), "new");
        signup.profile(signup.session(id).orElseThrow(), "Loja Eva", "Loja Eva", "RETAIL", null, null);
        signup.skipPhone(signup.session(id).orElseThrow());
        String shared = signup.session(id).orElseThrow().wabaId();
        SignupEnd end = signup.finish(signup.session(id).orElseThrow());
        String code = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(end.login())
                .path("authResponse")
                .path("code")
                .asString();

        String token =
                exchange(code, "sandbox-app-secret").body().path("access_token").asString();
        Graph.Answer answer = graph.get(
                "/debug_token"
                        + Graph.query(
                                Graph.params("input_token", token, "access_token", "sandbox-app|sandbox-app-secret")),
                null);

        assertThat(answer.body().path("data").path("granular_scopes")).hasSize(2);
        for (JsonNode scope : answer.body().path("data").path("granular_scopes")) {
            assertThat(ids(scope.path("target_ids"))).containsExactly(shared).doesNotContain(notShared.id());
        }
    }

    @Test
    void aCallWithoutTokenGetsCode104WithATraceId() {
        SandboxScene scene = SandboxScene.create(meta, graph);
        Graph.Answer answer = graph.get("/" + scene.phone().id(), null);
        assertThat(answer.code()).isEqualTo(104);
        assertThat(answer.message()).isEqualTo("An access token is required to request this resource.");
        assertThat(answer.error().path("fbtrace_id").asString()).hasSizeGreaterThan(10);
    }

    @Test
    void aGarbledTokenGets190With401() {
        SandboxScene scene = SandboxScene.create(meta, graph);
        Graph.Answer answer = graph.get("/" + scene.phone().id(), "EAAnot-a-real-token");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo(190);
        assertThat(answer.error().path("fbtrace_id").isMissingNode()).isFalse();
    }

    @Test
    void aRevokedTokenGets190WithASubcode() {
        SandboxScene scene = SandboxScene.create(meta, graph);
        meta.revokeTokens(scene.business().id());

        Graph.Answer answer = graph.get("/" + scene.phone().id(), scene.token());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo(190);
        assertThat(answer.error().path("error_subcode").asInt()).isEqualTo(460);
    }

    @Test
    void anExpiredTokenGets190Subcode463() {
        SandboxScene scene = SandboxScene.create(meta, graph);
        clock.advance(Duration.ofDays(61));

        Graph.Answer answer = graph.get("/" + scene.phone().id(), scene.token());

        assertThat(answer.code()).isEqualTo(190);
        assertThat(answer.error().path("error_subcode").asInt()).isEqualTo(463);
        assertThat(answer.message()).startsWith("Error validating access token: Session has expired on");
    }

    @Test
    void aTokenCannotSeeAnotherBusinesssObjects() {
        SandboxScene mine = SandboxScene.create(meta, graph);
        SandboxScene theirs = SandboxScene.create(meta, graph);

        Graph.Answer phone = graph.get("/" + theirs.phone().id(), mine.token());
        Graph.Answer waba = graph.get("/" + theirs.waba().id() + "/phone_numbers", mine.token());

        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.code()).isEqualTo(100);
        assertThat(phone.error().path("error_subcode").asInt()).isEqualTo(33);
        assertThat(phone.message())
                .startsWith("Unsupported get request. Object with ID '"
                        + theirs.phone().id() + "' does not exist");
        assertThat(waba.code()).isEqualTo(100);
        assertThat(graph.get("/" + mine.phone().id(), mine.token()).status()).isEqualTo(200);
    }

    @Test
    void checksAppsecretProofWhenPresent() throws Exception {
        SandboxScene scene = SandboxScene.create(meta, graph);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("sandbox-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String proof = HexFormat.of().formatHex(mac.doFinal(scene.token().getBytes(StandardCharsets.UTF_8)));

        Graph.Answer good = graph.get("/" + scene.phone().id() + "?appsecret_proof=" + proof, scene.token());
        Graph.Answer bad = graph.get("/" + scene.phone().id() + "?appsecret_proof=" + "0".repeat(64), scene.token());

        assertThat(good.status()).isEqualTo(200);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo(100);
        assertThat(bad.message()).isEqualTo("Invalid appsecret_proof provided in the API argument");
    }

    @Test
    void acceptsTheTokenAsAnAccessTokenParameter() {
        SandboxScene scene = SandboxScene.create(meta, graph);
        Graph.Answer answer = graph.get("/" + scene.phone().id() + "?access_token=" + scene.token(), null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("id").asString()).isEqualTo(scene.phone().id());
    }

    @Test
    void unknownPathsAnswerLikeGraph() {
        SandboxScene scene = SandboxScene.create(meta, graph);
        Graph.Answer answer = graph.get("/" + scene.waba().id() + "/no_such_edge", scene.token());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo(2500);
        assertThat(answer.message())
                .isEqualTo("Unknown path components: /" + scene.waba().id() + "/no_such_edge");
        assertThat(answer.error().path("fbtrace_id").asString()).isNotBlank();
    }

    private Graph.Answer exchange(String code, String secret) {
        return graph.get(
                "/oauth/access_token"
                        + Graph.query(Graph.params("client_id", "sandbox-app", "client_secret", secret, "code", code)),
                null);
    }

    private static List<String> ids(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
