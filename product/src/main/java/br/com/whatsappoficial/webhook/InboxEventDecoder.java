package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns a stored inbox event into the typed event of its field. Meta adds fields and values over time:
 * an unknown field or event name is carried as text or ignored, never a failure.
 */
final class InboxEventDecoder {

    private InboxEventDecoder() {}

    /** The domain event of an inbox event; empty for fields nobody uses. */
    static Optional<Object> decode(String payloadJson, StoreId store) {
        JsonNode payload = WebhookEnvelope.JSON.readTree(payloadJson);
        String field = payload.path("field").asString("");
        String wabaId = payload.path("entry_id").asString("");
        JsonNode value = payload.path("value");
        @Nullable Instant at = payload.hasNonNull("entry_time") ? seconds(payload.get("entry_time")) : null;
        return Optional.ofNullable(
                switch (field) {
                    case "messages" -> message(value, store);
                    case "user_preferences" -> preferences(value, store);
                    case "smb_app_state_sync" -> AppDataDecoder.contacts(value, store);
                    case "history" -> AppDataDecoder.history(value, store);
                    case "smb_message_echoes" -> AppDataDecoder.echoes(value, store);
                    case "account_update" ->
                        new AccountUpdated(
                                store,
                                Optional.ofNullable(text(value.path("waba_info"), "waba_id"))
                                        .orElse(wabaId),
                                required(value, "event"),
                                text(value.path("ban_info"), "waba_ban_state"),
                                text(value.path("violation_info"), "violation_type"),
                                at);
                    case "account_review_update" -> new AccountReviewed(store, wabaId, required(value, "decision"), at);
                    case "phone_number_name_update" ->
                        new DisplayNameReviewed(
                                store,
                                wabaId,
                                required(value, "display_phone_number"),
                                required(value, "decision"),
                                text(value, "requested_verified_name"),
                                text(value, "rejection_reason"),
                                at);
                    case "phone_number_quality_update" ->
                        new PhoneNumberQualityChanged(
                                store,
                                wabaId,
                                required(value, "display_phone_number"),
                                required(value, "event"),
                                text(value, "max_daily_conversations_per_business"),
                                text(value, "current_limit"),
                                at);
                    case "business_capability_update" ->
                        new BusinessCapabilityChanged(
                                store,
                                wabaId,
                                text(value, "max_daily_conversations_per_business"),
                                integer(value, "max_phone_numbers_per_business"),
                                integer(value, "max_phone_numbers_per_waba"),
                                at);
                    case "security" ->
                        new SecurityEventReported(
                                store,
                                wabaId,
                                required(value, "display_phone_number"),
                                required(value, "event"),
                                text(value, "requester"),
                                at);
                    case "message_template_status_update" ->
                        new TemplateStatusChanged(
                                store,
                                wabaId,
                                required(value, "message_template_id"),
                                required(value, "message_template_name"),
                                required(value, "message_template_language"),
                                required(value, "event"),
                                text(value, "reason"),
                                text(value, "message_template_category"),
                                Optional.ofNullable(text(value.path("rejection_info"), "reason"))
                                        .or(() -> Optional.ofNullable(text(value.path("other_info"), "description")))
                                        .orElse(null),
                                at);
                    case "template_category_update" ->
                        new TemplateCategoryChanged(
                                store,
                                wabaId,
                                required(value, "message_template_id"),
                                required(value, "message_template_name"),
                                required(value, "message_template_language"),
                                text(value, "previous_category"),
                                text(value, "new_category"),
                                text(value, "correct_category"),
                                at,
                                value.hasNonNull("category_update_timestamp")
                                        ? seconds(value.get("category_update_timestamp"))
                                        : null);
                    case "message_template_quality_update" ->
                        new TemplateQualityChanged(
                                store,
                                wabaId,
                                required(value, "message_template_id"),
                                required(value, "message_template_name"),
                                required(value, "message_template_language"),
                                text(value, "previous_quality_score"),
                                required(value, "new_quality_score"),
                                at);
                    default -> null;
                });
    }

    /** The WABA an {@code account_update} is about, when its entry is the partner's portfolio. */
    static Optional<String> wabaInfo(String payloadJson) {
        JsonNode payload = WebhookEnvelope.JSON.readTree(payloadJson);
        return Optional.ofNullable(text(payload.path("value").path("waba_info"), "waba_id"));
    }

    private static @Nullable Object message(JsonNode value, StoreId store) {
        String phoneNumberId = required(value.path("metadata"), "phone_number_id");
        JsonNode message = value.path("messages").path(0);
        if (message.isObject()) {
            String from = text(message, "from");
            return new InboundMessageReceived(
                    store,
                    phoneNumberId,
                    required(message, "id"),
                    from,
                    text(message, "from_user_id"),
                    profileName(value, from),
                    required(message, "type"),
                    text(message.path("text"), "body"),
                    seconds(message.path("timestamp")));
        }
        JsonNode status = value.path("statuses").path(0);
        if (status.isObject()) {
            List<MessageStatusReported.MessageError> errors = new ArrayList<>();
            for (JsonNode error : status.path("errors")) {
                errors.add(new MessageStatusReported.MessageError(
                        error.path("code").asInt(-1),
                        error.path("title").asString(""),
                        text(error.path("error_data"), "details")));
            }
            JsonNode pricing = status.path("pricing");
            return new MessageStatusReported(
                    store,
                    phoneNumberId,
                    required(status, "id"),
                    required(status, "status").toLowerCase(Locale.ROOT),
                    text(status, "recipient_id"),
                    text(status, "recipient_user_id"),
                    seconds(status.path("timestamp")),
                    text(status, "biz_opaque_callback_data"),
                    pricing.isObject()
                            ? new MessageStatusReported.Pricing(
                                    text(pricing, "category"),
                                    pricing.path("billable").isBoolean()
                                            ? pricing.path("billable").asBoolean()
                                            : null,
                                    text(pricing, "pricing_model"))
                            : null,
                    errors);
        }
        // Value-level errors[] (out-of-band errors) and other shapes have no consumer yet.
        return null;
    }

    /** Meta's {@code user_preferences}: each customer's marketing stop or resume, with its Unix-seconds time. */
    private static MarketingPreferencesChanged preferences(JsonNode value, StoreId store) {
        List<MarketingPreferencesChanged.Preference> preferences = new ArrayList<>();
        for (JsonNode preference : value.path("user_preferences")) {
            preferences.add(new MarketingPreferencesChanged.Preference(
                    required(preference, "wa_id"),
                    Optional.ofNullable(text(preference, "category")).orElse(""),
                    required(preference, "value").toLowerCase(Locale.ROOT),
                    seconds(preference.path("timestamp"))));
        }
        return new MarketingPreferencesChanged(store, required(value.path("metadata"), "phone_number_id"), preferences);
    }

    private static @Nullable String profileName(JsonNode value, @Nullable String from) {
        for (JsonNode contact : value.path("contacts")) {
            if (from == null || from.equals(text(contact, "wa_id"))) {
                return text(contact.path("profile"), "name");
            }
        }
        return null;
    }

    /** Meta's timestamps: strings of Unix seconds in {@code messages}, integers in {@code entry.time}. */
    private static Instant seconds(JsonNode node) {
        String text = node.asString("");
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new UnreadableEvent("not a Unix timestamp: " + text);
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new UnreadableEvent("missing " + field);
        }
        return value;
    }

    private static @Nullable Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.canConvertToInt() ? null : value.asInt();
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }
}
