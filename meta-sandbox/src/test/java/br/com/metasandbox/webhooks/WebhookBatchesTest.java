package br.com.metasandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookBatchesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String APP = "http://127.0.0.1:8080/webhooks/meta";
    private static final String OVERRIDE = "https://override.example/hook";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void updatesDueTogetherForOneCallbackWabaAndFieldGoInOnePostInDueOrder() {
        WebhookDelivery first = delivery(APP, "waba-1", "messages", "wamid.1");
        WebhookDelivery otherWaba = delivery(APP, "waba-2", "messages", "wamid.2");
        WebhookDelivery second = delivery(APP, "waba-1", "messages", "wamid.3");
        WebhookDelivery otherField = delivery(APP, "waba-1", "account_update", "x");
        WebhookDelivery elsewhere = delivery(OVERRIDE, "waba-1", "messages", "wamid.4");

        List<WebhookBatches.Post> posts =
                WebhookBatches.of(List.of(first, otherWaba, second, otherField, elsewhere), 1_000, json);

        assertThat(posts)
                .extracting(post ->
                        post.deliveries().stream().map(WebhookDelivery::id).toList())
                .containsExactly(
                        List.of(first.id(), second.id()),
                        List.of(otherWaba.id()),
                        List.of(otherField.id()),
                        List.of(elsewhere.id()));
        JsonNode merged = json.readTree(posts.getFirst().body());
        assertThat(merged.path("object").asString()).isEqualTo("whatsapp_business_account");
        assertThat(merged.path("entry").findValuesAsString("id"))
                .as("each planned entry, in order, as Meta's envelope carries several")
                .containsExactly("waba-1", "wamid.1", "waba-1", "wamid.3");
        assertThat(posts.get(1).body()).as("a lone delivery goes as planned").isEqualTo(otherWaba.payload());
    }

    @Test
    void noPostCarriesMoreThanTheMost() {
        List<WebhookDelivery> due = List.of(
                delivery(APP, "waba-1", "messages", "wamid.1"),
                delivery(APP, "waba-1", "messages", "wamid.2"),
                delivery(APP, "waba-1", "messages", "wamid.3"));

        assertThat(WebhookBatches.of(due, 2, json))
                .extracting(post -> post.deliveries().size())
                .containsExactly(2, 1);
    }

    private static WebhookDelivery delivery(String target, String waba, String field, String item) {
        String payload = """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","time":1765022400,"changes":[\
                {"field":"%s","value":{"statuses":[{"id":"%s","status":"sent"}]}}]}]}""".formatted(waba, field, item);
        return new WebhookDelivery(
                UUID.randomUUID(),
                field,
                waba,
                target,
                payload,
                null,
                WebhookDelivery.PENDING,
                0,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                NOW.plus(Duration.ofHours(2)),
                NOW,
                null,
                null,
                NOW,
                null);
    }
}
