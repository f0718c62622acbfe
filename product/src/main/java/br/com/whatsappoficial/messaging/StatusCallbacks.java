package br.com.whatsappoficial.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues the status callbacks a recorded status calls for, in the transaction that records it, so a
 * status is never recorded without its callbacks nor called back without being recorded. The body is
 * {@code {id, status, at, error?, metadata?}}, written once and sent as is on every attempt.
 */
@Component
class StatusCallbacks {

    /** The body of the page's test: the status {@code test} of a message that does not exist. */
    static final UUID SAMPLE_MESSAGE = new UUID(0, 0);

    private static final Locale CALLBACK_LANGUAGE = Locale.forLanguageTag("pt-BR");

    private final CallbackLog log;
    private final CallbackEndpoints endpoints;
    private final MessageFailures failures;
    private final JsonMapper json;

    StatusCallbacks(CallbackLog log, CallbackEndpoints endpoints, MessageFailures failures, JsonMapper json) {
        this.log = log;
        this.endpoints = endpoints;
        this.failures = failures;
        this.json = json;
    }

    /**
     * The message was {@code before}; Meta (or our own send) reported {@code reported} at {@code at}, which
     * left it {@code after}. Call with the message's row locked: its callbacks are numbered in that order.
     *
     * @param firstOfItsKind the report added a new status to the message's timeline
     * @param failure why it failed, when it just did
     */
    void recorded(
            StoredMessage before,
            DeliveryStatus after,
            String reported,
            Instant at,
            boolean firstOfItsKind,
            StoredMessage.@Nullable Failure failure,
            Instant now) {
        log.enqueueAll(
                toQueue(before, before.status(), after, reported, at, firstOfItsKind, failure, this::storeListens),
                now);
    }

    /** Whether the current store set a callback URL (Configurações › API). */
    boolean storeListens() {
        return endpoints.url().isPresent();
    }

    /**
     * The callbacks a report of {@code message} calls for, when its statuses so far left it {@code before}
     * (a batch of reports moves it several times before its row is written): none when nobody listens.
     * {@code storeListens} is asked only for a message without a callback URL of its own; a batch asks the
     * store once, not once per status.
     */
    List<CallbackLog.NewCallback> toQueue(
            StoredMessage message,
            DeliveryStatus before,
            DeliveryStatus after,
            String reported,
            Instant at,
            boolean firstOfItsKind,
            StoredMessage.@Nullable Failure failure,
            Supplier<Boolean> storeListens) {
        List<String> statuses = CallbackStatuses.toSend(before, after, reported, firstOfItsKind);
        if (statuses.isEmpty() || (message.callbackUrl() == null && !storeListens.get())) {
            return List.of();
        }
        List<CallbackLog.NewCallback> callbacks = new ArrayList<>(statuses.size());
        for (String status : statuses) {
            StoredMessage.Failure error = DeliveryStatus.FAILED.apiName().equals(status) ? failure : null;
            callbacks.add(new CallbackLog.NewCallback(
                    message.id(), status, body(message.id().value(), status, at, error, message.metadata())));
        }
        return callbacks;
    }

    /** What the page's "Enviar teste" posts. */
    byte[] sample(Instant at) {
        return body(SAMPLE_MESSAGE, "test", at, null, "{\"teste\":true}").getBytes(StandardCharsets.UTF_8);
    }

    private String body(
            UUID message,
            String status,
            Instant at,
            StoredMessage.@Nullable Failure failure,
            @Nullable String metadata) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.toString());
        body.put("status", status);
        body.put("at", at.toString());
        if (failure != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", failure.code());
            error.put("metaCode", failure.metaCode());
            error.put("title", failures.title(failure, CALLBACK_LANGUAGE));
            error.put("detail", failures.detail(failure, CALLBACK_LANGUAGE));
            body.put("error", error);
        }
        if (metadata != null) {
            body.put("metadata", json.readTree(metadata));
        }
        return json.writeValueAsString(body);
    }
}
