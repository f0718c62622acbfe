package br.com.metasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** WABA and phone-number nodes, the phone_numbers edge and subscribed_apps. */
@PostgresIntegrationTest
@Import(TestClock.Configuration.class)
class SandboxAccountsIT {

    @Autowired
    SandboxMeta meta;

    @LocalServerPort
    int port;

    Graph graph;
    SandboxScene scene;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph);
    }

    @Test
    void wabaAnswersIdAndNameByDefaultAndTheFieldsAskedFor() {
        Graph.Answer plain = graph.get("/" + scene.waba().id(), scene.token());
        assertThat(fieldNames(plain.body())).containsExactly("id", "name");

        Graph.Answer full = graph.get(
                "/" + scene.waba().id()
                        + "?fields=currency,country,ownership_type,account_review_status,timezone_id,health_status",
                scene.token());
        assertThat(full.body().path("currency").asString()).isEqualTo("BRL");
        assertThat(full.body().path("country").asString()).isEqualTo("BR");
        assertThat(full.body().path("ownership_type").asString()).isEqualTo("CLIENT_OWNED");
        assertThat(full.body().path("account_review_status").asString()).isEqualTo("PENDING");
        assertThat(full.body().path("id").asString()).isEqualTo(scene.waba().id());
        assertThat(full.body().path("name").isMissingNode()).isTrue();
        assertThat(full.body().path("health_status").path("can_send_message").asString())
                .isEqualTo("AVAILABLE");

        meta.setReview(scene.waba().id(), "REJECTED");
        Graph.Answer rejected =
                graph.get("/" + scene.waba().id() + "?fields=account_review_status,health_status", scene.token());
        assertThat(rejected.body().path("account_review_status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.body()
                        .path("health_status")
                        .path("can_send_message")
                        .asString())
                .isEqualTo("BLOCKED");
    }

    @Test
    void unknownFieldsAreRefusedLikeGraph() {
        Graph.Answer answer = graph.get("/" + scene.waba().id() + "?fields=name,colour", scene.token());
        assertThat(answer.code()).isEqualTo(100);
        assertThat(answer.message())
                .isEqualTo("(#100) Tried accessing nonexisting field (colour) on node type (WhatsAppBusinessAccount)");
    }

    @Test
    void aNewNumberIsUnverifiedPendingAndLimitedUntilItsNameIsApproved() {
        Graph.Answer answer = graph.get(
                "/" + scene.phone().id()
                        + "?fields=status,name_status,code_verification_status,certificate,messaging_limit_tier,"
                        + "whatsapp_business_manager_messaging_limit,throughput,account_mode,platform_type,"
                        + "is_on_biz_app,quality_rating,health_status,display_phone_number",
                scene.token());
        JsonNode phone = answer.body();
        assertThat(phone.path("status").asString()).isEqualTo("PENDING");
        assertThat(phone.path("name_status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(phone.path("code_verification_status").asString()).isEqualTo("NOT_VERIFIED");
        assertThat(phone.has("certificate")).isFalse();
        assertThat(phone.path("messaging_limit_tier").asString()).isEqualTo("TIER_50");
        assertThat(phone.path("whatsapp_business_manager_messaging_limit").asString())
                .isEqualTo("TIER_250");
        assertThat(phone.path("throughput").path("level").asString()).isEqualTo("STANDARD");
        assertThat(phone.path("account_mode").asString()).isEqualTo("LIVE");
        assertThat(phone.path("platform_type").asString()).isEqualTo("CLOUD_API");
        assertThat(phone.path("is_on_biz_app").asBoolean()).isFalse();
        assertThat(phone.path("display_phone_number").asString()).matches("\\+55 11 9\\d{4}-\\d{4}");
        JsonNode health = phone.path("health_status");
        assertThat(health.path("can_send_message").asString()).isEqualTo("BLOCKED");
        assertThat(entityTypes(health)).containsExactly("PHONE_NUMBER", "WABA", "BUSINESS", "APP");

        scene.connected(meta, graph);
        JsonNode connected = graph.get(
                        "/" + scene.phone().id() + "?fields=status,certificate,health_status,name_status",
                        scene.token())
                .body();
        assertThat(connected.path("status").asString()).isEqualTo("CONNECTED");
        assertThat(connected.path("name_status").asString()).isEqualTo("APPROVED");
        assertThat(connected.path("certificate").asString()).isNotBlank();
        assertThat(connected.path("health_status").path("can_send_message").asString())
                .isEqualTo("AVAILABLE");
    }

    @Test
    void aRegisteredNumberWithAPendingNameIsLimitedWithMetasExplanation() {
        meta.verifyPhone(scene.phone().id());
        meta.approveDisplayName(scene.phone().id());
        graph.postJson(
                "/" + scene.phone().id() + "/register",
                scene.token(),
                Map.of("messaging_product", "whatsapp", "pin", "123456"));
        meta.rejectDisplayName(scene.phone().id(), "NAME_FORMAT_UNACCEPTABLE");

        JsonNode health = graph.get("/" + scene.phone().id() + "?fields=health_status,name_status", scene.token())
                .body();

        assertThat(health.path("name_status").asString()).isEqualTo("DECLINED");
        assertThat(health.path("health_status").path("can_send_message").asString())
                .isEqualTo("LIMITED");
    }

    @Test
    void phoneNumbersPagesWithCursors() {
        SandboxPhone second = meta.addPhone(scene.waba().id(), SandboxScene.randomMobile("21"), "Loja Exemplo");
        SandboxPhone third = meta.addPhone(scene.waba().id(), SandboxScene.randomMobile("31"), "Loja Exemplo");

        Graph.Answer all = graph.get("/" + scene.waba().id() + "/phone_numbers", scene.token());
        assertThat(all.body().path("data")).hasSize(3);
        JsonNode first = all.body().path("data").get(0);
        assertThat(fieldNames(first))
                .contains("id", "display_phone_number", "verified_name", "code_verification_status", "quality_rating");

        Graph.Answer page1 = graph.get("/" + scene.waba().id() + "/phone_numbers?limit=2&fields=id", scene.token());
        assertThat(page1.body().path("data")).hasSize(2);
        String after = page1.body().path("paging").path("cursors").path("after").asString();
        Graph.Answer page2 =
                graph.get("/" + scene.waba().id() + "/phone_numbers?limit=2&fields=id&after=" + after, scene.token());
        assertThat(page2.body().path("data")).hasSize(1);
        // Graph links the other pages only where there is one.
        assertThat(all.body().path("paging").has("next")).isFalse();
        assertThat(page1.body().path("paging").path("next").asString())
                .contains("/" + scene.waba().id() + "/phone_numbers?")
                .contains("limit=2")
                .contains("after=" + after);
        assertThat(page1.body().path("paging").has("previous")).isFalse();
        assertThat(page2.body().path("paging").has("next")).isFalse();
        assertThat(page2.body().path("paging").path("previous").asString()).contains("before=");
        List<String> ids = new ArrayList<>();
        page1.body().path("data").forEach(node -> ids.add(node.path("id").asString()));
        page2.body().path("data").forEach(node -> ids.add(node.path("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder(scene.phone().id(), second.id(), third.id());
    }

    @Test
    void overridingTheCallbackBeforeSubscribingIsRefused() {
        Graph.Answer answer = graph.postJson(
                "/" + scene.waba().id() + "/subscribed_apps",
                scene.token(),
                Map.of("override_callback_uri", "https://loja.example/webhooks", "verify_token", "segredo"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo(100);
        assertThat(answer.message())
                .isEqualTo("(#100) Before override the current callback uri, your app must be subscribed to receive"
                        + " messages for WhatsApp Business Account.");
    }

    @Test
    void subscribesOverridesAndUnsubscribes() {
        String path = "/" + scene.waba().id() + "/subscribed_apps";
        assertThat(graph.get(path, scene.token()).body().path("data")).isEmpty();

        assertThat(graph.post(path, scene.token()).body().path("success").asBoolean())
                .isTrue();
        JsonNode subscribed = graph.get(path, scene.token()).body().path("data");
        assertThat(subscribed).hasSize(1);
        assertThat(subscribed
                        .get(0)
                        .path("whatsapp_business_api_data")
                        .path("id")
                        .asString())
                .isEqualTo("sandbox-app");
        assertThat(subscribed.get(0).has("override_callback_uri")).isFalse();

        graph.postJson(
                path, scene.token(), Map.of("override_callback_uri", "https://loja.example/hook", "verify_token", "t"));
        assertThat(graph.get(path, scene.token())
                        .body()
                        .path("data")
                        .get(0)
                        .path("override_callback_uri")
                        .asString())
                .isEqualTo("https://loja.example/hook");

        assertThat(graph.delete(path, scene.token()).body().path("success").asBoolean())
                .isTrue();
        assertThat(graph.get(path, scene.token()).body().path("data")).isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private static List<String> entityTypes(JsonNode health) {
        return health.path("entities")
                .valueStream()
                .map(entity -> entity.path("entity_type").asString())
                .toList();
    }
}
