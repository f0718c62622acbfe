package br.com.metasandbox.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.SandboxTemplateFixtures;
import br.com.metasandbox.WebhookReceiver;
import br.com.metasandbox.WebhookReceiverAwait;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.testsupport.PostgresIntegrationTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The webhook sender against a stand-in receiver: signature, Meta's envelope per field, retries, overrides. */
@PostgresIntegrationTest
class SandboxWebhooksIT {

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("sandbox.webhooks.callback-url", () -> WebhookReceiver.url("/webhooks/meta"));
        registry.add("sandbox.webhooks.retry-first", () -> "300ms");
        registry.add("sandbox.webhooks.retry-max", () -> "1s");
        registry.add("sandbox.webhooks.poll-interval", () -> "100ms");
    }

    @Autowired
    SandboxMeta meta;

    @Autowired
    SandboxAccounts accounts;

    @Autowired
    WebhookNotifications webhooks;

    @Autowired
    WebhookDeliveries deliveries;

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
    void aClaimHoldsADeliveryForOneSenderAndWhatAnotherSentOrPlannedIsNotDueAgain() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        // Due in an hour: the running sender leaves it to this test.
        deliveries.insert(pending(id, now, now.plus(Duration.ofHours(1))));

        Instant later = now.plus(Duration.ofHours(1));
        List<UUID> seenDue = List.of(id);
        assertThat(deliveries.claim(seenDue, later, later.plusSeconds(60)))
                .singleElement()
                .satisfies(claimed -> assertThat(claimed.dueAt(later)).isTrue());
        assertThat(deliveries.claim(seenDue, later, later.plusSeconds(60)))
                .as("held by the first claim")
                .isEmpty();

        // The send failed and its retry waits: another sender that saw it due before gets its lease, and
        // reads that its time has not come again.
        deliveries.failed(id, 500, "HTTP 500", later.plusSeconds(30));
        assertThat(deliveries.claim(seenDue, later, later.plusSeconds(60)))
                .singleElement()
                .satisfies(claimed -> {
                    assertThat(claimed.dueAt(later)).isFalse();
                    assertThat(claimed.dueAt(later.plusSeconds(30))).isTrue();
                });

        // Delivered: the same, and never due again.
        deliveries.delivered(List.of(id), 200, later);
        assertThat(deliveries.claim(seenDue, later, later.plusSeconds(60)))
                .singleElement()
                .satisfies(claimed ->
                        assertThat(claimed.dueAt(later.plusSeconds(30))).isFalse());
    }

    @Test
    void aBatchIsClaimedByOneSenderAndReadBackInDueOrder() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant later = now.plus(Duration.ofHours(1));
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            // Due in an hour, the last one first: the running sender leaves them to this test.
            deliveries.insert(pending(id, now, later.minusSeconds(i)));
        }
        // Another sender holds the first one.
        assertThat(deliveries.claim(List.of(ids.getFirst()), later, later.plusSeconds(60)))
                .hasSize(1);

        assertThat(deliveries.claim(ids, later, later.plusSeconds(60)))
                .extracting(WebhookDelivery::id)
                .containsExactly(ids.get(2), ids.get(1));
    }

    @Test
    void signsTheRawBodyWithTheAppSecretAndSendsMetasEnvelope() throws Exception {
        meta.setReview(scene.waba().id(), "APPROVED");

        LoggedRequest request = received("account_review_update", 1).getFirst();
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("X-Hub-Signature-256")).isEqualTo("sha256=" + hmac(request.getBody()));
        JsonNode body = WebhookReceiver.json(request);
        assertThat(body.path("object").asString()).isEqualTo("whatsapp_business_account");
        JsonNode entry = body.path("entry").get(0);
        assertThat(entry.path("id").asString()).isEqualTo(scene.waba().id());
        assertThat(entry.path("time").isIntegralNumber()).isTrue();
        assertThat(entry.path("changes").get(0).path("field").asString()).isEqualTo("account_review_update");
        assertThat(entry.path("changes").get(0).path("value").path("decision").asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void registeringSendsOnboardingAndAHigherLimitSendsThroughputUpgradeAndThePerWabaCap() {
        JsonNode atStart = value(received("business_capability_update", 1).getFirst());
        assertThat(atStart.path("max_phone_numbers_per_business").asInt()).isEqualTo(2);
        assertThat(atStart.has("max_phone_numbers_per_waba")).isFalse();

        scene.connected(meta, graph);
        JsonNode onboarding = value(received("\"ONBOARDING\"", 1).getFirst());
        assertThat(onboarding.path("display_phone_number").asString())
                .isEqualTo(scene.phone().displayPhoneNumber().replaceAll("\\D", ""));
        assertThat(onboarding.path("max_daily_conversations_per_business").asString())
                .isEqualTo("TIER_250");

        meta.raiseMessagingLimit(scene.business().id());
        JsonNode upgrade = value(received("THROUGHPUT_UPGRADE", 1).getFirst());
        assertThat(upgrade.path("max_daily_conversations_per_business").asString())
                .isEqualTo("TIER_2K");
        JsonNode above250 = value(received("TIER_2K\",\"max_phone_numbers", 1).getFirst());
        assertThat(above250.has("max_phone_numbers_per_business")).isFalse();
        assertThat(above250.path("max_phone_numbers_per_waba").asInt()).isPositive();
    }

    @Test
    void eachFieldHasMetasValueShape() {
        String digits = scene.phone().displayPhoneNumber().replaceAll("\\D", "");
        assertThat(value(received("business_capability_update", 1).getFirst())
                        .path("max_phone_numbers_per_business")
                        .asInt())
                .isEqualTo(2);

        meta.rejectDisplayName(scene.phone().id(), "NAME_FORMAT_UNACCEPTABLE");
        JsonNode name = value(received("phone_number_name_update", 1).getFirst());
        assertThat(name.path("display_phone_number").asString()).isEqualTo(digits);
        assertThat(name.path("decision").asString()).isEqualTo("REJECTED");
        assertThat(name.path("requested_verified_name").asString()).isEqualTo("Loja Exemplo");
        assertThat(name.path("rejection_reason").asString()).isEqualTo("NAME_FORMAT_UNACCEPTABLE");

        meta.setQuality(scene.phone().id(), "RED");
        JsonNode quality = value(received("phone_number_quality_update", 1).getFirst());
        assertThat(quality.path("event").asString()).isEqualTo("FLAGGED");
        assertThat(quality.path("max_daily_conversations_per_business").asString())
                .isEqualTo("TIER_250");

        meta.setBanState(scene.waba().id(), "DISABLE");
        JsonNode ban = value(received("account_update", 1).getFirst());
        assertThat(ban.path("event").asString()).isEqualTo("DISABLED_UPDATE");
        assertThat(ban.path("ban_info").path("waba_ban_state").asString()).isEqualTo("DISABLE");
        assertThat(ban.path("ban_info").path("waba_ban_date").asString()).matches("[A-Z][a-z]+ \\d{1,2}, \\d{4}");

        assertThat(graph.postJson("/" + scene.phone().id(), scene.token(), Map.of("pin", "654321"))
                        .status())
                .isEqualTo(200);
        JsonNode security = value(received("security", 1).getFirst());
        assertThat(security.path("event").asString()).isEqualTo("PIN_CHANGED");
        assertThat(security.path("display_phone_number").asString()).isEqualTo(digits);
    }

    @Test
    void raisingTheMessagingLimitUpgradesThroughputAndDecidesANameStillUnderReview() {
        String digits = scene.phone().displayPhoneNumber().replaceAll("\\D", "");

        meta.raiseMessagingLimit(scene.business().id());

        JsonNode upgrade = value(received("THROUGHPUT_UPGRADE", 1).getFirst());
        assertThat(upgrade.path("display_phone_number").asString()).isEqualTo(digits);
        assertThat(upgrade.path("max_daily_conversations_per_business").asString())
                .isEqualTo("TIER_2K");
        JsonNode name = value(received("phone_number_name_update", 1).getFirst());
        assertThat(name.path("decision").asString()).isEqualTo("APPROVED");
        assertThat(name.path("display_phone_number").asString()).isEqualTo(digits);
        assertThat(graph.get("/" + scene.phone().id() + "?fields=name_status", scene.token())
                        .body()
                        .path("name_status")
                        .asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void partnerAddedIsAboutThePortfolio() {
        webhooks.partnerAdded(accounts.waba(scene.waba().id()).orElseThrow());

        LoggedRequest request =
                WebhookReceiverAwait.about(scene.business().id(), 1).getFirst();
        JsonNode entry = WebhookReceiver.json(request).path("entry").get(0);
        assertThat(entry.path("id").asString()).isEqualTo(scene.business().id());
        JsonNode value = entry.path("changes").get(0).path("value");
        assertThat(value.path("event").asString()).isEqualTo("PARTNER_ADDED");
        assertThat(value.path("waba_info").path("waba_id").asString())
                .isEqualTo(scene.waba().id());
        assertThat(value.path("waba_info").path("owner_business_id").asString())
                .isEqualTo(scene.business().id());
    }

    @Test
    void inboundMessagesAndStatusesOfSentMessages() {
        scene.connected(meta, graph);
        String wamid = meta.customerSends(scene.phone().id(), "+5511912345678", "Ana Souza", "Oi, meu pedido chegou?");
        LoggedRequest inboundRequest = received("\"messages\":[", 1).getFirst();
        // Meta's inbound example has an entry without time: receivers must not need it.
        assertThat(WebhookReceiver.json(inboundRequest).path("entry").get(0).has("time"))
                .isFalse();
        JsonNode inbound = value(inboundRequest);
        assertThat(inbound.path("metadata").path("phone_number_id").asString())
                .isEqualTo(scene.phone().id());
        assertThat(inbound.path("contacts").get(0).path("wa_id").asString()).isEqualTo("5511912345678");
        assertThat(inbound.path("contacts").get(0).path("profile").path("name").asString())
                .isEqualTo("Ana Souza");
        JsonNode message = inbound.path("messages").get(0);
        assertThat(message.path("id").asString()).isEqualTo(wamid);
        assertThat(message.path("from").asString()).isEqualTo("5511912345678");
        assertThat(message.path("timestamp").asString()).matches("\\d{10}");
        assertThat(message.path("text").path("body").asString()).isEqualTo("Oi, meu pedido chegou?");

        Graph.Answer sent = graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                Map.of(
                        "messaging_product", "whatsapp",
                        "to", "+5511912345678",
                        "type", "text",
                        "text", Map.of("body", "Chegou sim!"),
                        "biz_opaque_callback_data", "camp-42:msg-9"));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        List<LoggedRequest> statuses = received("\"statuses\":[", 3);
        assertThat(statuses)
                .extracting(request ->
                        value(request).path("statuses").get(0).path("status").asString())
                .containsExactlyInAnyOrder("sent", "delivered", "read");
        JsonNode first = value(statuses.getFirst()).path("statuses").get(0);
        assertThat(first.path("id").asString())
                .isEqualTo(sent.body().path("messages").get(0).path("id").asString());
        assertThat(first.path("recipient_id").asString()).isEqualTo("5511912345678");
        assertThat(first.path("biz_opaque_callback_data").asString()).isEqualTo("camp-42:msg-9");
    }

    @Test
    void aSendToSomeoneNotOnWhatsAppGetsAFailedStatus() {
        scene.connected(meta, graph);
        meta.recordInbound(scene.phone().id(), "+5511912349999");
        Graph.Answer sent = graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                Map.of("messaging_product", "whatsapp", "to", "+5511912349999", "text", Map.of("body", "Oi")));
        assertThat(sent.status()).isEqualTo(200);

        JsonNode status =
                value(received("\"statuses\":[", 1).getFirst()).path("statuses").get(0);
        assertThat(status.path("status").asString()).isEqualTo("failed");
        assertThat(status.path("errors").get(0).path("code").asInt()).isEqualTo(131026);
    }

    @Test
    void retriesUntilTheCallbackAnswers200() {
        String wabaId = scene.waba().id();
        WebhookReceiver.SERVER.stubFor(post(urlEqualTo("/webhooks/meta"))
                .atPriority(1)
                .withRequestBody(containing("\"id\":\"" + wabaId + "\""))
                .withRequestBody(containing("DEFERRED"))
                .inScenario("retry-" + wabaId)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("down"))
                .willSetStateTo("up"));

        meta.setReview(wabaId, "DEFERRED");

        List<LoggedRequest> attempts = received("DEFERRED", 2);
        assertThat(attempts.get(0).getBodyAsString()).isEqualTo(attempts.get(1).getBodyAsString());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deliveries.forEntry(wabaId))
                        .filteredOn(delivery -> delivery.field().equals("account_review_update"))
                        .singleElement()
                        .satisfies(delivery -> {
                            assertThat(delivery.status()).isEqualTo(WebhookDelivery.DELIVERED);
                            assertThat(delivery.attempts()).isEqualTo(2);
                        }));
    }

    @Test
    void theCustomerStopsAndResumesPromotionsAndStoppedMarketingFailsWith131050() {
        scene.connected(meta, graph);
        SandboxTemplateFixtures.approved(
                meta,
                graph,
                scene,
                SandboxTemplateFixtures.withBody("oferta", "MARKETING", "Oferta para você, {{1}}!"));

        meta.customerSetsMarketing(scene.phone().id(), "+5511912345678", "Ana Souza", true);

        LoggedRequest stop = received("\"user_preferences\":[", 1).getFirst();
        JsonNode change =
                WebhookReceiver.json(stop).path("entry").get(0).path("changes").get(0);
        assertThat(change.path("field").asString()).isEqualTo("user_preferences");
        JsonNode value = change.path("value");
        assertThat(value.path("metadata").path("phone_number_id").asString())
                .isEqualTo(scene.phone().id());
        assertThat(value.path("contacts").get(0).path("wa_id").asString()).isEqualTo("5511912345678");
        JsonNode preference = value.path("user_preferences").get(0);
        assertThat(preference.path("wa_id").asString()).isEqualTo("5511912345678");
        assertThat(preference.path("category").asString()).isEqualTo("marketing_messages");
        assertThat(preference.path("value").asString()).isEqualTo("stop");
        assertThat(preference.path("detail").asString()).isEqualTo("User requested to stop marketing messages");
        assertThat(preference.path("timestamp").isIntegralNumber()).isTrue();

        Graph.Answer sent = graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                SandboxTemplateFixtures.message(
                        "+5511912345678",
                        SandboxTemplateFixtures.send("oferta", List.of(SandboxTemplateFixtures.texts("body", "Ana"))),
                        null));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        JsonNode failed = value(received("\"code\":131050", 1).getFirst())
                .path("statuses")
                .get(0);
        assertThat(failed.path("status").asString()).isEqualTo("failed");

        meta.customerSetsMarketing(scene.phone().id(), "+5511912345678", "Ana Souza", false);
        assertThat(value(received("\"value\":\"resume\"", 1).getFirst())
                        .path("user_preferences")
                        .get(0)
                        .path("detail")
                        .asString())
                .isEqualTo("User requested to resume marketing messages");
        assertThat(meta.marketingStopped(scene.phone().id(), "+5511912345678")).isFalse();
    }

    @Test
    void messagesFollowTheOverridesWhileAccountFieldsStayOnTheAppCallback() {
        accounts.setSubscription(scene.waba().id(), true, WebhookReceiver.url("/waba-override"), "token");
        meta.customerSends(scene.phone().id(), "+5511912345678", "Ana", "primeira");
        assertThat(received("primeira", 1).getFirst().getUrl()).isEqualTo("/waba-override");

        accounts.setWebhookOverride(scene.phone().id(), WebhookReceiver.url("/phone-override"), "token");
        meta.customerSends(scene.phone().id(), "+5511912345678", "Ana", "segunda");
        assertThat(received("segunda", 1).getFirst().getUrl()).isEqualTo("/phone-override");

        meta.setReview(scene.waba().id(), "REJECTED");
        assertThat(received("account_review_update", 1).getFirst().getUrl()).isEqualTo("/webhooks/meta");
    }

    /** Waits for {@code count} POSTs about this scene's WABA whose body contains {@code text}. */
    private List<LoggedRequest> received(String text, int count) {
        return WebhookReceiverAwait.about(scene.waba().id(), text, count);
    }

    private static JsonNode value(LoggedRequest request) {
        return WebhookReceiver.json(request)
                .path("entry")
                .get(0)
                .path("changes")
                .get(0)
                .path("value");
    }

    static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("sandbox-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** A delivery planned at {@code now}, due at {@code due}, given up on two hours after {@code now}. */
    private static WebhookDelivery pending(UUID id, Instant now, Instant due) {
        return new WebhookDelivery(
                id,
                "messages",
                "entry",
                WebhookReceiver.url("/webhooks/meta"),
                "{}",
                null,
                WebhookDelivery.PENDING,
                0,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                now.plus(Duration.ofHours(2)),
                due,
                null,
                null,
                now,
                null);
    }
}
