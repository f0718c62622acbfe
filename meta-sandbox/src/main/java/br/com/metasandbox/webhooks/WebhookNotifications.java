package br.com.metasandbox.webhooks;

import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.MessageTemplate;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.SandboxMessages;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The webhooks Meta sends about what happens in the sandbox, with the value shapes of the contract's §7.
 * Entry ids are the WABA's, except {@code PARTNER_ADDED}'s, which is the portfolio's [doc example].
 */
@Component
public class WebhookNotifications {

    static final String MESSAGES = "messages";
    static final String ACCOUNT_UPDATE = "account_update";
    static final String ACCOUNT_REVIEW_UPDATE = "account_review_update";
    static final String NAME_UPDATE = "phone_number_name_update";
    static final String QUALITY_UPDATE = "phone_number_quality_update";
    static final String CAPABILITY_UPDATE = "business_capability_update";
    static final String SECURITY = "security";
    static final String USER_PREFERENCES = "user_preferences";
    public static final String TEMPLATE_STATUS = "message_template_status_update";
    public static final String TEMPLATE_CATEGORY = "template_category_update";
    public static final String TEMPLATE_QUALITY = "message_template_quality_update";

    /** The per-WABA number cap above the 250 tier: Meta's value is not documented, 20 is the raised business cap. */
    static final int MAX_PHONE_NUMBERS_PER_WABA = 20;

    /** DISABLED_UPDATE's ban date, as in Meta's example "April 17, 2025" [doc]. */
    private static final DateTimeFormatter BAN_DATE =
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final WebhookOutbox outbox;
    private final SandboxAccounts accounts;
    private final Clock clock;

    WebhookNotifications(WebhookOutbox outbox, SandboxAccounts accounts, Clock clock) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Embedded Signup completed: the customer's WABA is shared with the app. */
    public void partnerAdded(WhatsAppBusinessAccount waba) {
        outbox.enqueue(
                ACCOUNT_UPDATE,
                waba.businessId(),
                map(
                        "event",
                        "PARTNER_ADDED",
                        "waba_info",
                        map("waba_id", waba.id(), "owner_business_id", waba.businessId())));
    }

    /**
     * Fired on WABA creation and capability changes [doc]. At the 250 tier Meta sends the portfolio's number
     * cap (2 for a new portfolio), above it the per-WABA cap; that cap's value (20) is the sandbox's choice.
     */
    public void capabilities(WhatsAppBusinessAccount waba, String messagingLimit) {
        boolean firstTier = messagingLimit.equals(Business.MESSAGING_LIMITS.getFirst());
        outbox.enqueue(
                CAPABILITY_UPDATE,
                waba.id(),
                map(
                        "max_daily_conversations_per_business",
                        messagingLimit,
                        firstTier ? "max_phone_numbers_per_business" : "max_phone_numbers_per_waba",
                        firstTier ? 2 : MAX_PHONE_NUMBERS_PER_WABA));
    }

    public void nameDecision(PhoneNumber phone, String decision, @Nullable String rejectionReason) {
        Map<String, Object> value = map(
                "display_phone_number", phone.digits(),
                "decision", decision,
                "requested_verified_name", phone.verifiedName());
        value.put("rejection_reason", rejectionReason);
        outbox.enqueue(NAME_UPDATE, phone.wabaId(), value);
    }

    public void reviewDecision(WhatsAppBusinessAccount waba, String decision) {
        outbox.enqueue(ACCOUNT_REVIEW_UPDATE, waba.id(), map("decision", decision));
    }

    /**
     * Quality and limit changes. {@code ONBOARDING}, {@code THROUGHPUT_UPGRADE} and {@code FLAGGED} are documented;
     * {@code UNFLAGGED} and {@code DOWNGRADE} are legacy names (unverified) that receivers must tolerate anyway.
     */
    public void quality(PhoneNumber phone, String event, String messagingLimit) {
        outbox.enqueue(
                QUALITY_UPDATE,
                phone.wabaId(),
                map(
                        "display_phone_number",
                        phone.digits(),
                        "event",
                        event,
                        "max_daily_conversations_per_business",
                        messagingLimit));
    }

    public void disabledUpdate(WhatsAppBusinessAccount waba, String banState) {
        outbox.enqueue(
                ACCOUNT_UPDATE,
                waba.id(),
                map(
                        "event",
                        "DISABLED_UPDATE",
                        "ban_info",
                        map("waba_ban_state", banState, "waba_ban_date", BAN_DATE.format(clock.instant()))));
    }

    public void pinChanged(PhoneNumber phone, String requester) {
        outbox.enqueue(
                SECURITY,
                phone.wabaId(),
                map("display_phone_number", phone.digits(), "event", "PIN_CHANGED", "requester", requester));
    }

    /**
     * A template's review decision or status change, sent after {@code after} (the automatic review's
     * delay, or now): {@code event} is the new status, {@code reason} Meta's reason or {@code NONE} [doc].
     * The id comes first: {@link #templateFragment} finds the webhook again by it.
     */
    public void templateStatus(MessageTemplate template, String event, String reason, String category, Duration after) {
        Map<String, Object> value = templateValue(template);
        value.put("event", event);
        value.put("reason", reason);
        value.put("message_template_category", category);
        outbox.enqueue(TEMPLATE_STATUS, template.wabaId(), value, null, after);
    }

    /** Meta changed a template's category (the done notice, with the previous and the new one) [doc]. */
    public void templateCategory(MessageTemplate template, String previous, String next, Duration after) {
        Map<String, Object> value = templateValue(template);
        value.put("previous_category", previous);
        value.put("new_category", next);
        outbox.enqueue(TEMPLATE_CATEGORY, template.wabaId(), value, null, after);
    }

    /**
     * Meta's advance notice that it will move a template to {@code correct} [doc]: {@code new_category} names
     * the category it has today, {@code category_update_timestamp} (Unix seconds) when the change takes effect.
     */
    public void templateCategoryNotice(MessageTemplate template, String correct, java.time.Instant effectiveAt) {
        Map<String, Object> value = templateValue(template);
        value.put("correct_category", correct);
        value.put("new_category", template.category());
        value.put("category_update_timestamp", effectiveAt.getEpochSecond());
        outbox.enqueue(TEMPLATE_CATEGORY, template.wabaId(), value);
    }

    /** A template's quality score changed: GREEN, YELLOW, RED or UNKNOWN [doc]. */
    public void templateQuality(MessageTemplate template, String previous, String next) {
        Map<String, Object> value = templateValue(template);
        value.put("previous_quality_score", previous);
        value.put("new_quality_score", next);
        outbox.enqueue(TEMPLATE_QUALITY, template.wabaId(), value);
    }

    /** What a template's webhooks hold, to find those still queued. */
    public static String templateFragment(String templateId) {
        return "\"message_template_id\":" + templateId + ",";
    }

    private static Map<String, Object> templateValue(MessageTemplate template) {
        return map(
                "message_template_id",
                Long.parseLong(template.id()),
                "message_template_name",
                template.name(),
                "message_template_language",
                template.language());
    }

    /**
     * A customer's text to the number, to the number's override, else the WABA's, else the app's [doc]; its
     * entry has no {@code time}, as in Meta's inbound example.
     */
    public void inboundText(PhoneNumber phone, String waId, String name, String messageId, String body, Instant at) {
        inboundText(phone, waId, name, messageId, body, null, at);
    }

    /**
     * A customer's text; one that answers a business message (swiped to reply) names it in {@code context}
     * with the business number as {@code from} [doc].
     */
    public void inboundText(
            PhoneNumber phone,
            String waId,
            String name,
            String messageId,
            String body,
            @Nullable String contextId,
            Instant at) {
        Map<String, Object> message =
                map("from", waId, "id", messageId, "timestamp", Long.toString(at.getEpochSecond()), "type", "text");
        message.put("text", map("body", body));
        inbound(phone, waId, name, message, contextId);
    }

    /**
     * A customer tapped a quick-reply button of a business message: type {@code button} with the button's
     * text and payload, and the tapped message in {@code context} [doc]. The sandbox sends the button's text
     * as its payload too, since the messages it shows carry no payload of their own.
     */
    public void inboundButton(
            PhoneNumber phone, String waId, String name, String messageId, String text, String contextId, Instant at) {
        Map<String, Object> message =
                map("from", waId, "id", messageId, "timestamp", Long.toString(at.getEpochSecond()), "type", "button");
        message.put("button", map("text", text, "payload", text));
        inbound(phone, waId, name, message, contextId);
    }

    private void inbound(
            PhoneNumber phone, String waId, String name, Map<String, Object> message, @Nullable String contextId) {
        if (contextId != null) {
            message.put("context", map("from", phone.e164().substring(1), "id", contextId));
        }
        Map<String, Object> value = messagingValue(phone);
        value.put("contacts", List.of(map("profile", map("name", name), "wa_id", waId)));
        value.put("messages", List.of(message));
        outbox.enqueueWithoutTime(MESSAGES, phone.wabaId(), value, messagesCallback(phone));
    }

    /**
     * A customer stopped ({@code stop}) or resumed ({@code resume}) the number's marketing messages, in the
     * documented shape: metadata, contacts and one {@code user_preferences} item whose {@code timestamp} is
     * an integer [doc]. Like {@code messages}, it goes to the number's or the WABA's override when set
     * (the sandbox's choice: Meta documents overrides for messages webhooks only).
     */
    public void userPreference(PhoneNumber phone, String waId, String name, String value, Instant at) {
        Map<String, Object> preference = map(
                "wa_id",
                waId,
                "detail",
                "stop".equals(value)
                        ? "User requested to stop marketing messages"
                        : "User requested to resume marketing messages",
                "category",
                "marketing_messages",
                "value",
                value,
                "timestamp",
                at.getEpochSecond());
        Map<String, Object> body = messagingValue(phone);
        body.put("contacts", List.of(map("profile", map("name", name), "wa_id", waId)));
        body.put("user_preferences", List.of(preference));
        outbox.enqueue(USER_PREFERENCES, phone.wabaId(), body, messagesCallback(phone), Duration.ZERO);
    }

    /**
     * A message our product sent goes sent → delivered → read, a few seconds apart, as {@code outcome} says
     * ({@code late} shifts them all); {@code pricing} comes with sent and delivered, {@code conversation} is
     * left out as on v24.0+ [doc]. Out of order, the POSTs leave read first and sent last while each status
     * keeps the timestamp of its event.
     */
    public void statuses(
            PhoneNumber phone, SandboxMessages.Outbound sent, DeliveryOutcome outcome, Pricing pricing, Duration late) {
        Duration shift = outcome == DeliveryOutcome.LATE ? late : Duration.ZERO;
        Duration deliveredAt = Duration.ofSeconds(2).plus(shift);
        Duration readAt = Duration.ofSeconds(5).plus(shift);
        Map<String, Object> price = pricing.asMap();
        if (outcome == DeliveryOutcome.OUT_OF_ORDER) {
            status(phone, sent, "read", readAt, Duration.ofSeconds(1), null, null);
            status(phone, sent, "delivered", deliveredAt, Duration.ofSeconds(2), price, null);
            status(phone, sent, "sent", Duration.ZERO, Duration.ofSeconds(3), price, null);
            return;
        }
        status(phone, sent, "sent", shift, shift, price, null);
        status(phone, sent, "delivered", deliveredAt, deliveredAt, price, null);
        if (outcome != DeliveryOutcome.DELIVERED) {
            status(phone, sent, "read", readAt, readAt, null, null);
        }
    }

    /** A message accepted but never delivered: one failed status with the error, and no pricing [doc]. */
    public void failed(PhoneNumber phone, SandboxMessages.Outbound sent, DeliveryOutcome.Failure failure) {
        Map<String, Object> error = map("code", failure.code(), "title", failure.title(), "message", failure.title());
        error.put("error_data", map("details", failure.details()));
        error.put("href", "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
        Duration after = Duration.ofSeconds(1);
        status(phone, sent, "failed", after, after, null, error);
    }

    /**
     * One status about a sent message: {@code happened} after the send is its timestamp, {@code posted} after
     * the send is when the POST leaves.
     */
    private void status(
            PhoneNumber phone,
            SandboxMessages.Outbound sent,
            String status,
            Duration happened,
            Duration posted,
            @Nullable Map<String, Object> pricing,
            @Nullable Map<String, Object> error) {
        Map<String, Object> entry = map(
                "id", sent.id(),
                "status", status,
                "timestamp", Long.toString(sent.createdAt().plus(happened).getEpochSecond()),
                "recipient_id", sent.waId());
        if (sent.bizOpaqueCallbackData() != null) {
            entry.put("biz_opaque_callback_data", sent.bizOpaqueCallbackData());
        }
        if (pricing != null) {
            entry.put("pricing", pricing);
        }
        if (error != null) {
            entry.put("errors", List.of(error));
        }
        Map<String, Object> value = messagingValue(phone);
        value.put("statuses", List.of(entry));
        outbox.enqueue(MESSAGES, phone.wabaId(), value, messagesCallback(phone), posted);
    }

    private @Nullable String messagesCallback(PhoneNumber phone) {
        if (phone.webhookOverrideUri() != null) {
            return phone.webhookOverrideUri();
        }
        return accounts.waba(phone.wabaId())
                .map(WhatsAppBusinessAccount::overrideCallbackUri)
                .orElse(null);
    }

    static Map<String, Object> messagingValue(PhoneNumber phone) {
        return map(
                "messaging_product",
                "whatsapp",
                "metadata",
                map("display_phone_number", phone.digits(), "phone_number_id", phone.id()));
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
