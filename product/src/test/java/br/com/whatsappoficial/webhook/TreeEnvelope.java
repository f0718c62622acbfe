package br.com.whatsappoficial.webhook;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope splitter as it was first written, over a tree: slow but plain, kept as the oracle that
 * the streaming {@link WebhookEnvelope} must agree with.
 */
final class TreeEnvelope {

    static final JsonMapper JSON = WebhookEnvelope.JSON;

    private TreeEnvelope() {}

    static List<InboxEvent> events(byte[] body) throws MalformedWebhook {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhook("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("entry").isArray()) {
            throw new MalformedWebhook("no entry array");
        }
        if (!"whatsapp_business_account".equals(root.path("object").asString(""))) {
            throw new MalformedWebhook("object is not whatsapp_business_account");
        }
        List<InboxEvent> events = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            String entryId = entry.path("id").asString("");
            for (JsonNode change : entry.path("changes")) {
                String field = change.path("field").asString("");
                JsonNode value = change.path("value");
                if (field.isEmpty() || !value.isObject()) {
                    throw new MalformedWebhook("a change without field or value");
                }
                split(entry, entryId, field, (ObjectNode) value, events);
            }
        }
        return events;
    }

    private static void split(JsonNode entry, String entryId, String field, ObjectNode value, List<InboxEvent> out) {
        String phoneNumberId = text(value.path("metadata"), "phone_number_id");
        boolean itemized = false;
        if ("messages".equals(field)) {
            for (JsonNode message : value.path("messages")) {
                String id = text(message, "id");
                String key = id != null ? "message:" + id : lifecycleKey(field, entryId, entry, message);
                out.add(event(key, field, entry, entryId, phoneNumberId, value, "messages", message));
                itemized = true;
            }
            for (JsonNode status : value.path("statuses")) {
                String id = text(status, "id");
                // A message has one event per status, and Meta may send each more than once.
                String key = id != null
                        ? "status:" + status.path("status").asString("") + ":" + id
                        : lifecycleKey(field, entryId, entry, status);
                out.add(event(key, field, entry, entryId, phoneNumberId, value, "statuses", status));
                itemized = true;
            }
        }
        if (!itemized) {
            out.add(event(
                    lifecycleKey(field, entryId, entry, value),
                    field,
                    entry,
                    entryId,
                    phoneNumberId,
                    value,
                    null,
                    null));
        }
    }

    private static InboxEvent event(
            String key,
            String field,
            JsonNode entry,
            String entryId,
            @Nullable String phoneNumberId,
            ObjectNode value,
            @Nullable String itemsName,
            @Nullable JsonNode item) {
        ObjectNode alone = value.deepCopy();
        alone.remove("messages");
        alone.remove("statuses");
        if (itemsName != null && item != null) {
            alone.putArray(itemsName).add(item);
        }
        ObjectNode payload = JSON.createObjectNode();
        payload.put("entry_id", entryId);
        if (entry.has("time")) {
            payload.set("entry_time", entry.get("time"));
        }
        payload.put("field", field);
        payload.set("value", alone);
        return new InboxEvent(
                key, field, entryId.isEmpty() ? null : entryId, phoneNumberId, JSON.writeValueAsString(payload));
    }

    /**
     * Lifecycle fields have no id of their own: field, entry and time identify a notification, and a
     * digest of its content tells apart several changes of one entry.
     */
    private static String lifecycleKey(String field, String entryId, JsonNode entry, JsonNode content) {
        return field + ":" + entryId + ":" + entry.path("time").asString("") + ":"
                + WebhookEnvelope.digest(JSON.writeValueAsString(content));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
