package br.com.metasandbox.webhooks;

import br.com.metasandbox.SandboxSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans webhook deliveries: wraps a change in Meta's envelope (contract §7), picks the callback (the
 * app's, or for {@code messages} the number's or WABA's override), fixes the retry plan, and, when the
 * duplicates switch is on, now and then plans the same payload twice as Meta may.
 */
@Component
public class WebhookOutbox {

    private final WebhookDeliveries deliveries;
    private final SandboxSettings.Webhooks settings;
    private final Environment environment;
    private final JsonMapper json;
    private final Clock clock;

    WebhookOutbox(
            WebhookDeliveries deliveries,
            SandboxSettings settings,
            Environment environment,
            JsonMapper json,
            Clock clock) {
        this.deliveries = deliveries;
        this.settings = settings.webhooks();
        this.environment = environment;
        this.json = json;
        this.clock = clock;
    }

    /** A change for the app's callback, sent now. */
    void enqueue(String field, String entryId, Map<String, Object> value) {
        enqueue(field, entryId, value, null, Duration.ZERO);
    }

    /**
     * A change for {@code override} (or the app's callback when null), sent after {@code delay}; the
     * entry's {@code time} is when it is due.
     */
    void enqueue(String field, String entryId, Map<String, Object> value, @Nullable String override, Duration delay) {
        enqueue(field, entryId, value, override, delay, true);
    }

    /**
     * A change whose entry carries no {@code time}, as in Meta's example of an inbound message: receivers
     * cannot count on it being there.
     */
    void enqueueWithoutTime(String field, String entryId, Map<String, Object> value, @Nullable String override) {
        enqueue(field, entryId, value, override, Duration.ZERO, false);
    }

    private void enqueue(
            String field,
            String entryId,
            Map<String, Object> value,
            @Nullable String override,
            Duration delay,
            boolean withTime) {
        Instant due = clock.instant().plus(delay);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", field);
        change.put("value", value);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", entryId);
        if (withTime) {
            entry.put("time", due.getEpochSecond());
        }
        entry.put("changes", List.of(change));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("object", "whatsapp_business_account");
        envelope.put("entry", List.of(entry));
        String payload = json.writeValueAsString(envelope);
        String target = override != null ? override : appCallback();
        WebhookDelivery delivery = planned(UUID.randomUUID(), field, entryId, target, payload, null, due);
        deliveries.insert(delivery);
        if (settings.duplicates() && ThreadLocalRandom.current().nextDouble() < settings.duplicateChance()) {
            deliveries.insert(
                    planned(UUID.randomUUID(), field, entryId, target, payload, delivery.id(), due.plusMillis(200)));
        }
    }

    /** Where account fields go, and messages without an override. */
    public String appCallback() {
        URI configured = settings.callbackUrl();
        if (configured != null) {
            return configured.toString();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + "/webhooks/meta";
    }

    private WebhookDelivery planned(
            UUID id,
            String field,
            String entryId,
            String target,
            String payload,
            @Nullable UUID duplicateOf,
            Instant due) {
        return new WebhookDelivery(
                id,
                field,
                entryId,
                target,
                payload,
                duplicateOf,
                WebhookDelivery.PENDING,
                0,
                settings.scaled(settings.retryFirst()),
                settings.scaled(settings.retryMax()),
                due.plus(settings.scaled(settings.giveUpAfter())),
                due,
                null,
                null,
                clock.instant(),
                null);
    }
}
