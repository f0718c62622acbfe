package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a coexistence number's WhatsApp Business app: its contacts ({@code smb_app_state_sync}), its
 * chat history ({@code history}) and what the merchant sends from the app ({@code smb_message_echoes}).
 */
final class AppDataDecoder {

    private AppDataDecoder() {}

    static AppContactsSynced contacts(JsonNode value, StoreId store) {
        List<AppContactsSynced.Contact> contacts = new ArrayList<>();
        for (JsonNode item : value.path("state_sync")) {
            if (!"contact".equals(text(item, "type"))) {
                continue;
            }
            JsonNode contact = item.path("contact");
            contacts.add(new AppContactsSynced.Contact(
                    required(contact, "phone_number"),
                    text(contact, "full_name"),
                    "remove".equalsIgnoreCase(text(item, "action")),
                    optionalSeconds(item.path("metadata").path("timestamp"))));
        }
        return new AppContactsSynced(store, phoneNumberId(value), contacts);
    }

    /**
     * A chunk of history, or the merchant's refusal to share it (an {@code errors} item with 2593109). The
     * separate webhooks that carry a media message's content (top-level {@code messages}) have no consumer.
     */
    static @Nullable Object history(JsonNode value, StoreId store) {
        String phoneNumberId = phoneNumberId(value);
        String business = digits(text(value.path("metadata"), "display_phone_number"));
        for (JsonNode item : value.path("history")) {
            JsonNode error = item.path("errors").path(0);
            if (error.isObject()) {
                return new AppHistoryDeclined(
                        store,
                        phoneNumberId,
                        error.path("code").asInt(-1),
                        error.path("title").asString(""));
            }
            JsonNode metadata = item.path("metadata");
            List<AppHistoryReceived.HistoryMessage> messages = new ArrayList<>();
            for (JsonNode thread : item.path("threads")) {
                String customer = required(thread, "id");
                for (JsonNode message : thread.path("messages")) {
                    String from = text(message, "from");
                    String type = required(message, "type");
                    messages.add(new AppHistoryReceived.HistoryMessage(
                            required(message, "id"),
                            customer,
                            message.hasNonNull("to") || (business != null && business.equals(digits(from))),
                            type,
                            text(message.path("text"), "body"),
                            seconds(message.path("timestamp")),
                            text(message.path("history_context"), "status")));
                }
            }
            return new AppHistoryReceived(
                    store,
                    phoneNumberId,
                    integer(metadata, "phase"),
                    integer(metadata, "chunk_order"),
                    integer(metadata, "progress"),
                    messages);
        }
        return null;
    }

    static AppMessagesEchoed echoes(JsonNode value, StoreId store) {
        List<AppMessagesEchoed.Echo> echoes = new ArrayList<>();
        for (JsonNode echo : value.path("message_echoes")) {
            echoes.add(new AppMessagesEchoed.Echo(
                    required(echo, "id"),
                    required(echo, "to"),
                    required(echo, "type").toLowerCase(Locale.ROOT),
                    text(echo.path("text"), "body"),
                    seconds(echo.path("timestamp"))));
        }
        return new AppMessagesEchoed(store, phoneNumberId(value), echoes);
    }

    private static String phoneNumberId(JsonNode value) {
        return required(value.path("metadata"), "phone_number_id");
    }

    private static @Nullable String digits(@Nullable String number) {
        return number == null ? null : number.replaceAll("\\D", "");
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !(value.canConvertToInt() || value.isString())) {
            throw new UnreadableEvent("missing " + field);
        }
        try {
            return value.isString() ? Integer.parseInt(value.asString()) : value.asInt();
        } catch (NumberFormatException e) {
            throw new UnreadableEvent("not a number: " + field);
        }
    }

    /** Unix seconds, as a string or a number (the references show both). */
    private static Instant seconds(JsonNode node) {
        Instant at = optionalSeconds(node);
        if (at == null) {
            throw new UnreadableEvent("not a Unix timestamp: " + node.asString(""));
        }
        return at;
    }

    private static @Nullable Instant optionalSeconds(JsonNode node) {
        try {
            return node.isMissingNode() || node.isNull()
                    ? null
                    : Instant.ofEpochSecond(Long.parseLong(node.asString("")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new UnreadableEvent("missing " + field);
        }
        return value;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }
}
