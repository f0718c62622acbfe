package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming splitter against the plain tree-based one ({@link TreeEnvelope}): the same events, the
 * same keys and payloads that read as the same JSON, for Meta's documented shapes and for envelopes
 * with members in any order and any spacing.
 */
class WebhookEnvelopeTest {

    static final String FIELD_AFTER_VALUE_AND_ID_AFTER_CHANGES = """
            {"entry":[{"changes":[{"value":{"messaging_product":"whatsapp","statuses":[
              {"recipient_id":"5511912345678","status":"failed","id":"wamid.f1","timestamp":"1750030073",
               "errors":[{"code":131047,"title":"Re-engagement message","error_data":{"details":"24h"}}]}],
              "metadata":{"phone_number_id":"106540352242922","display_phone_number":"5511987654321"}},
             "field":"messages"}],"time":1750030080,"id":"524126980791429"}],
             "object":"whatsapp_business_account"}""";

    static final String SEVERAL_ENTRIES_CHANGES_AND_ITEMS = """
            {"object":"whatsapp_business_account","entry":[
             {"id":"waba-1","time":1749416400,"changes":[
              {"field":"messages","value":{"messaging_product":"whatsapp",
               "metadata":{"display_phone_number":"5511987654321","phone_number_id":"phone-1"},
               "contacts":[{"profile":{"name":"Jo\\u00e3o \\"J\\" Ara\\u00fajo"},"wa_id":"5511912345678"}],
               "messages":[
                {"from":"5511912345678","id":"wamid.a","timestamp":"1749416383","type":"text","text":{"body":"Ol\\u00e1 \\ud83d\\ude00"}},
                {"from":"5511912345678","id":"wamid.b","timestamp":"1749416384","type":"button","button":{"payload":"x","text":"Sim"}}],
               "statuses":[{"id":"wamid.out","status":"read","timestamp":"1749416385","recipient_id":"5511912345678"}]}},
              {"field":"account_update","value":{"phone_number":"5511987654321","event":"VERIFIED_ACCOUNT"}}]},
             {"id":"waba-2","time":1749416401,"changes":[
              {"field":"phone_number_name_update","value":{"display_phone_number":"5511987654321",
               "decision":"REJECTED","requested_verified_name":"Loja","rejection_reason":null}},
              {"field":"phone_number_name_update","value":{"display_phone_number":"5511900000000",
               "decision":"APPROVED","requested_verified_name":"Outra","rejection_reason":null}}]}]}""";

    static final String ITEMS_WITHOUT_IDS_AND_ERRORS_ONLY = """
            {"object":"whatsapp_business_account","entry":[{"id":"waba-3","time":1,"changes":[
             {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"p"},
              "messages":[{"from":"5511912345678","type":"unsupported"}]}},
             {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"p"},
              "errors":[{"code":131051,"title":"Unsupported message type"}]}},
             {"field":"security","value":{"display_phone_number":"5511987654321","event":"PIN_CHANGED"}}]}]}""";

    @ParameterizedTest
    @ValueSource(strings = {"inbound", "statuses", "nameUpdate", "reordered", "several", "withoutIds", "numericId"})
    void agreesWithTheTreeSplitterOnMetasShapes(String shape) throws Exception {
        String body = switch (shape) {
            case "inbound" -> MetaWebhooks.inbound("waba-1", "phone-1", "wamid.x", "P\\u00e3o \\u00e7");
            case "statuses" -> MetaWebhooks.statuses("waba-1", "phone-1", "wamid.y", "sent", "delivered");
            case "nameUpdate" -> MetaWebhooks.nameUpdate("waba-1", 1749416383L, "APPROVED");
            case "reordered" -> FIELD_AFTER_VALUE_AND_ID_AFTER_CHANGES;
            case "several" -> SEVERAL_ENTRIES_CHANGES_AND_ITEMS;
            case "withoutIds" -> ITEMS_WITHOUT_IDS_AND_ERRORS_ONLY;
            case "numericId" -> SEVERAL_ENTRIES_CHANGES_AND_ITEMS.replace("\"waba-1\"", "123456789");
            default -> throw new IllegalArgumentException(shape);
        };
        assertSameEvents(body);
    }

    @Test
    void splitsOneEventPerItemWithItsIdempotencyKey() throws Exception {
        List<InboxEvent> events = WebhookEnvelope.events(bytes(SEVERAL_ENTRIES_CHANGES_AND_ITEMS));

        assertThat(events)
                .extracting(InboxEvent::idempotencyKey)
                .startsWith("message:wamid.a", "message:wamid.b", "status:read:wamid.out")
                .hasSize(6);
        assertThat(events.get(3).idempotencyKey()).startsWith("account_update:waba-1:1749416400:");
        assertThat(events.get(4).idempotencyKey()).isNotEqualTo(events.get(5).idempotencyKey());
        assertThat(events.getFirst().phoneNumberId()).isEqualTo("phone-1");
        assertThat(events.getFirst().wabaId()).isEqualTo("waba-1");
    }

    @Test
    void anEntryWithoutTimeKeepsTheSameKeysWhenRedelivered() throws Exception {
        // Meta sends some entries (its inbound message example among them) without time.
        String untimed = ITEMS_WITHOUT_IDS_AND_ERRORS_ONLY.replace("\"time\":1,", "");
        String inbound = MetaWebhooks.inbound("waba-1", "phone-1", "wamid.untimed", "Oi");

        List<InboxEvent> first = WebhookEnvelope.events(bytes(untimed));
        List<InboxEvent> redelivered = WebhookEnvelope.events(bytes(untimed.replace(",", " , ")));

        assertThat(first).extracting(InboxEvent::idempotencyKey).doesNotHaveDuplicates();
        assertThat(redelivered)
                .extracting(InboxEvent::idempotencyKey)
                .containsExactlyElementsOf(
                        first.stream().map(InboxEvent::idempotencyKey).toList());
        assertThat(first).allSatisfy(event -> assertThat(event.payload()).doesNotContain("entry_time"));
        assertThat(WebhookEnvelope.events(bytes(inbound)))
                .extracting(InboxEvent::idempotencyKey)
                .containsExactly("message:wamid.untimed");
    }

    @Test
    void keepsMetasBytesOfEachItemAsSent() throws Exception {
        InboxEvent first =
                WebhookEnvelope.events(bytes(SEVERAL_ENTRIES_CHANGES_AND_ITEMS)).getFirst();

        // The item is Meta's own text (escapes included), next to the change's other members only.
        assertThat(first.payload())
                .contains("\"text\":{\"body\":\"Ol\\u00e1 \\ud83d\\ude00\"}")
                .contains("Jo\\u00e3o \\\"J\\\" Ara\\u00fajo")
                .doesNotContain("wamid.b")
                .doesNotContain("wamid.out");
    }

    @Test
    void agreesWithTheTreeSplitterOnEnvelopesInAnyOrderAndSpacing() throws Exception {
        Random random = new Random(20261125);
        for (int n = 0; n < 300; n++) {
            assertSameEvents(randomEnvelope(random));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "",
                "[]",
                "{\"object\":\"whatsapp_business_account\"}",
                "{\"object\":\"page\",\"entry\":[]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":{}}]}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\"}]}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"x\",\"value\":[]}]}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[\"x\"]}]}",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[]} {\"more\":1}",
            })
    void refusesWhatIsNotMetasEnvelope(String body) {
        assertThatThrownBy(() -> WebhookEnvelope.events(bytes(body))).isInstanceOf(MalformedWebhook.class);
    }

    private static void assertSameEvents(String body) throws MalformedWebhook {
        List<InboxEvent> streamed = WebhookEnvelope.events(bytes(body));
        List<InboxEvent> tree = TreeEnvelope.events(bytes(body));
        assertThat(streamed).hasSameSizeAs(tree);
        for (int i = 0; i < tree.size(); i++) {
            InboxEvent expected = tree.get(i);
            InboxEvent actual = streamed.get(i);
            assertThat(actual.idempotencyKey()).as(body).isEqualTo(expected.idempotencyKey());
            assertThat(actual.field()).isEqualTo(expected.field());
            assertThat(actual.wabaId()).isEqualTo(expected.wabaId());
            assertThat(actual.phoneNumberId()).isEqualTo(expected.phoneNumberId());
            assertThat(WebhookEnvelope.JSON.readTree(actual.payload()))
                    .as(body)
                    .isEqualTo(WebhookEnvelope.JSON.readTree(expected.payload()));
        }
    }

    /** An envelope of 1 to 3 entries with random changes, every object's members shuffled, random spacing. */
    private static String randomEnvelope(Random random) {
        List<String> entries = new ArrayList<>();
        for (int e = 0, count = 1 + random.nextInt(3); e < count; e++) {
            List<String> changes = new ArrayList<>();
            for (int c = 0, changeCount = 1 + random.nextInt(3); c < changeCount; c++) {
                changes.add(randomChange(random));
            }
            List<Map.Entry<String, String>> members = new ArrayList<>(List.of(
                    Map.entry("id", random.nextBoolean() ? "\"waba-" + e + "\"" : String.valueOf(1000 + e)),
                    Map.entry("changes", array(random, changes))));
            if (random.nextBoolean()) {
                members.add(Map.entry("time", String.valueOf(1_749_416_000 + random.nextInt(1000))));
            }
            entries.add(object(random, members));
        }
        return object(
                random,
                new ArrayList<>(List.of(
                        Map.entry("object", "\"whatsapp_business_account\""),
                        Map.entry("entry", array(random, entries)))));
    }

    private static String randomChange(Random random) {
        String metadata = object(
                random,
                new ArrayList<>(List.of(
                        Map.entry("display_phone_number", "\"5511987654321\""),
                        Map.entry("phone_number_id", "\"phone-" + random.nextInt(3) + "\""))));
        if (random.nextInt(4) == 0) {
            String lifecycle = object(
                    random,
                    new ArrayList<>(List.of(
                            Map.entry("event", "\"ACCOUNT_VIOLATION\""),
                            Map.entry("ban_info", "null"),
                            Map.entry("n", String.valueOf(random.nextInt(5))))));
            return object(
                    random,
                    new ArrayList<>(List.of(Map.entry("field", "\"account_update\""), Map.entry("value", lifecycle))));
        }
        List<Map.Entry<String, String>> value = new ArrayList<>(List.of(
                Map.entry("messaging_product", "\"whatsapp\""),
                Map.entry("metadata", metadata),
                Map.entry("contacts", "[{\"profile\":{\"name\":\"Ana \\u00c7\"},\"wa_id\":\"5511912345678\"}]")));
        List<String> messages = new ArrayList<>();
        for (int m = 0, count = random.nextInt(3); m < count; m++) {
            messages.add(object(
                    random,
                    new ArrayList<>(List.of(
                            Map.entry("id", "\"wamid.in" + random.nextInt(1_000_000) + "\""),
                            Map.entry("type", "\"text\""),
                            Map.entry("text", "{\"body\":\"Oi \\\"" + m + "\\\" \\u00e9\"}")))));
        }
        List<String> statuses = new ArrayList<>();
        for (int s = 0, count = random.nextInt(3); s < count; s++) {
            statuses.add(object(
                    random,
                    new ArrayList<>(List.of(
                            Map.entry("id", "\"wamid.out" + random.nextInt(1_000_000) + "\""),
                            Map.entry("status", random.nextBoolean() ? "\"delivered\"" : "\"read\""),
                            Map.entry("timestamp", "\"1750030073\"")))));
        }
        if (!messages.isEmpty()) {
            value.add(Map.entry("messages", array(random, messages)));
        }
        if (!statuses.isEmpty()) {
            value.add(Map.entry("statuses", array(random, statuses)));
        }
        return object(
                random,
                new ArrayList<>(
                        List.of(Map.entry("field", "\"messages\""), Map.entry("value", object(random, value)))));
    }

    private static String object(Random random, List<Map.Entry<String, String>> members) {
        Collections.shuffle(members, random);
        List<String> texts = new ArrayList<>();
        for (Map.Entry<String, String> member : members) {
            texts.add("\"" + member.getKey() + "\"" + space(random) + ":" + space(random) + member.getValue());
        }
        return "{" + space(random) + String.join("," + space(random), texts) + space(random) + "}";
    }

    private static String array(Random random, List<String> elements) {
        return "[" + space(random) + String.join(space(random) + ",", elements) + space(random) + "]";
    }

    private static String space(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> " ";
            case 1 -> "\n  ";
            default -> "";
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
