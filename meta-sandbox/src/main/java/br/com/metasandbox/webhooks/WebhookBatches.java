package br.com.metasandbox.webhooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The POSTs a round of due deliveries goes out in. Meta batches updates, up to 1,000 per POST, and does not
 * say when: the sandbox puts the deliveries due together for one callback, one WABA and one field into one
 * POST, their entries one after another in its {@code entry} array, at most {@link #MOST} to a POST. A lone
 * delivery goes as it was planned, byte for byte.
 */
final class WebhookBatches {

    /** Meta's documented most updates in one POST. */
    static final int MOST = 1_000;

    /** One POST: its deliveries, in due order, and the body that carries them. */
    record Post(List<WebhookDelivery> deliveries, String body) {

        String targetUrl() {
            return deliveries.getFirst().targetUrl();
        }
    }

    private record Key(String targetUrl, String entryId, String field) {}

    private WebhookBatches() {}

    /** The deliveries, in due order, as POSTs of at most {@code most} each, in the order of their first. */
    static List<Post> of(List<WebhookDelivery> due, int most, JsonMapper json) {
        Map<Key, List<List<WebhookDelivery>>> groups = new LinkedHashMap<>();
        for (WebhookDelivery delivery : due) {
            List<List<WebhookDelivery>> posts = groups.computeIfAbsent(
                    new Key(delivery.targetUrl(), delivery.entryId(), delivery.field()), key -> new ArrayList<>());
            if (posts.isEmpty() || posts.getLast().size() >= most) {
                posts.add(new ArrayList<>());
            }
            posts.getLast().add(delivery);
        }
        List<Post> posts = new ArrayList<>();
        groups.values().forEach(group -> group.forEach(deliveries -> posts.add(post(deliveries, json))));
        return posts;
    }

    private static Post post(List<WebhookDelivery> deliveries, JsonMapper json) {
        if (deliveries.size() == 1) {
            return new Post(List.copyOf(deliveries), deliveries.getFirst().payload());
        }
        ObjectNode envelope = (ObjectNode) json.readTree(deliveries.getFirst().payload());
        ArrayNode entries = envelope.putArray("entry");
        for (WebhookDelivery delivery : deliveries) {
            JsonNode planned = json.readTree(delivery.payload()).path("entry");
            planned.forEach(entries::add);
        }
        return new Post(List.copyOf(deliveries), json.writeValueAsString(envelope));
    }
}
