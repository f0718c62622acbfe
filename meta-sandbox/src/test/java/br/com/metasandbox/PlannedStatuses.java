package br.com.metasandbox;

import br.com.metasandbox.webhooks.WebhookDeliveries;
import br.com.metasandbox.webhooks.WebhookDelivery;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** The status webhooks the sandbox planned about one sent message, read from its outbox. */
public final class PlannedStatuses {

    /**
     * One planned status POST.
     *
     * @param entry the status object ({@code id}, {@code status}, {@code timestamp}, {@code pricing}, …)
     * @param postAt the envelope's {@code time}: the second the POST is due
     */
    public record Status(String status, JsonNode entry, long postAt) {

        public long timestamp() {
            return Long.parseLong(entry.path("timestamp").asString());
        }
    }

    private PlannedStatuses() {}

    /** The message's statuses in the order the sandbox planned to POST them (duplicates left out). */
    public static List<Status> of(WebhookDeliveries deliveries, String wabaId, String wamid) {
        return deliveries.forEntry(wabaId).stream()
                .filter(delivery -> delivery.field().equals("messages") && delivery.duplicateOf() == null)
                .filter(delivery -> delivery.payload().contains(wamid))
                .map(PlannedStatuses::status)
                .sorted(Comparator.comparingLong(Status::postAt))
                .toList();
    }

    public static List<String> names(List<Status> statuses) {
        return statuses.stream().map(Status::status).toList();
    }

    public static Status only(List<Status> statuses, String name) {
        return statuses.stream()
                .filter(status -> status.status().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " status in " + names(statuses)));
    }

    /** A Brazilian mobile (DDD 11, so its wa_id keeps the 9th digit) ending in {@code suffix}, random otherwise. */
    public static String customerEndingIn(String suffix) {
        StringBuilder digits = new StringBuilder("+55119");
        for (int i = suffix.length(); i < 8; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.append(suffix).toString();
    }

    private static Status status(WebhookDelivery delivery) {
        JsonNode envelope = Graph.JSON.readTree(delivery.payload());
        JsonNode entry = envelope.path("entry").get(0);
        JsonNode status =
                entry.path("changes").get(0).path("value").path("statuses").get(0);
        return new Status(
                status.path("status").asString(), status, entry.path("time").asLong());
    }
}
