package br.com.metasandbox.graph;

import br.com.metasandbox.state.DeliveryScripts;
import br.com.metasandbox.state.MarketingStops;
import br.com.metasandbox.state.MessageTemplate;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.QualitySwitches;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.SandboxIds;
import br.com.metasandbox.state.SandboxMessages;
import br.com.metasandbox.state.WaId;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import br.com.metasandbox.webhooks.DeliveryOutcome;
import br.com.metasandbox.webhooks.Pricing;
import br.com.metasandbox.webhooks.WebhookNotifications;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /{phone-id}/messages} (contract §6): validates text, template and interactive messages, checks a
 * template against the WABA's templates, enforces a paused number, the sending rates ({@link SendingRates}), the 24 h
 * customer service window and the portfolio's
 * messaging limit, records what was sent for the simulated customer phone, answers "accepted, not delivered"
 * and plans the status webhooks the customer's delivery script (or number) calls for.
 */
@Component
public class MessageSending {

    static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    static final Set<String> TYPES = Set.of("text", "template", "interactive");

    /** The send's answer for a template Meta holds to assess its quality (template pacing). */
    public static final String HELD = "held_for_quality_assessment";

    /** Meta's details for 131048 when a number sends too many messages that were blocked or flagged. */
    public static final String QUALITY_PAUSED = "Message failed to send because there are restrictions on how many"
            + " messages can be sent from this phone number. This may be because too many previous messages were"
            + " blocked or flagged as spam.";

    private final SandboxMessages messages;
    private final SandboxAccounts accounts;
    private final TemplateMessages templates;
    private final MessagingLimits limits;
    private final DeliveryScripts scripts;
    private final MarketingStops marketingStops;
    private final QualitySwitches quality;
    private final SendingRates rates;
    private final WebhookNotifications webhooks;
    private final JsonMapper json;
    private final Clock clock;

    MessageSending(
            SandboxMessages messages,
            SandboxAccounts accounts,
            TemplateMessages templates,
            MessagingLimits limits,
            DeliveryScripts scripts,
            MarketingStops marketingStops,
            QualitySwitches quality,
            SendingRates rates,
            WebhookNotifications webhooks,
            JsonMapper json,
            Clock clock) {
        this.messages = messages;
        this.accounts = accounts;
        this.templates = templates;
        this.limits = limits;
        this.scripts = scripts;
        this.marketingStops = marketingStops;
        this.quality = quality;
        this.rates = rates;
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Map<String, Object> send(PhoneNumber phone, GraphParams params, Instant arrived) {
        CloudApiRegistration.requireMessagingProduct(params);
        String recipientType = params.text("recipient_type").orElse("individual");
        if (!recipientType.equals("individual")) {
            throw GraphRefusal.of(131009, "recipient_type must be individual.");
        }
        String to = params.text("to").orElseThrow(() -> GraphRefusal.missingParameter("to"));
        WaId waId;
        try {
            waId = WaId.fromRecipient(to);
        } catch (IllegalArgumentException e) {
            throw GraphRefusal.of(131009, "Param to must be a phone number with its country code.");
        }
        // Graph's default message type is text [doc].
        String type = params.text("type").orElse("text");
        if (!TYPES.contains(type)) {
            throw GraphRefusal.of(
                    131009, "The sandbox sends only text, template and interactive messages; got " + type + ".");
        }
        JsonNode content = params.node(type).orElseThrow(() -> GraphRefusal.missingParameter(type));
        switch (type) {
            case "text" -> checkText(content);
            case "template" -> checkTemplate(content);
            default -> checkInteractive(content);
        }
        String opaque = params.text("biz_opaque_callback_data").orElse(null);
        if (opaque != null && opaque.length() > 512) {
            throw GraphRefusal.param("Param biz_opaque_callback_data must be at most 512 characters long.");
        }
        if (!phone.connected()) {
            throw GraphRefusal.of(133010, "Register the phone number before sending messages.");
        }
        if (accounts.waba(phone.wabaId()).map(WhatsAppBusinessAccount::disabled).orElse(false)) {
            throw GraphRefusal.of(131031, "Business Account locked: the WhatsApp Business Account was disabled.");
        }
        if (waId.value().equals(WaId.fromRecipient(phone.e164()).value())) {
            throw GraphRefusal.of(131021, "Sender and recipient phone number is the same.");
        }
        Instant now = clock.instant();
        boolean insideWindow = insideWindow(phone, waId, now);
        if (!type.equals("template") && !insideWindow) {
            // Meta also reports this as a failed status webhook [doc error codes: sync, async or both];
            // the sandbox answers it synchronously (unverified).
            throw GraphRefusal.of(
                    131047,
                    "Message failed to send because more than 24 hours have passed since the customer last replied"
                            + " to this number.");
        }
        @Nullable MessageTemplate template = type.equals("template") ? templates.check(phone.wabaId(), content) : null;
        if (quality.paused(phone.id())) {
            throw GraphRefusal.of(131048, QUALITY_PAUSED);
        }
        rates.admit(phone, waId, arrived);
        String id = wamid(waId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("to", to);
        payload.put("type", type);
        payload.put(type, content);
        SandboxMessages.Outbound sent = new SandboxMessages.Outbound(
                id,
                phone.id(),
                to,
                waId.value(),
                type,
                json.writeValueAsString(payload),
                opaque,
                // Sent when it arrived, as its number's throughput counted it.
                arrived,
                template == null ? null : template.id());
        messages.insert(sent);
        deliver(phone, sent, waId, template, insideWindow, now);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        if (type.equals("template")) {
            // Template pacing: Meta holds a marketing template's sends while it assesses the template's quality.
            boolean held = template != null
                    && "MARKETING".equals(template.category())
                    && quality.heldWabas().contains(phone.wabaId());
            message.put("message_status", held ? HELD : "accepted");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messaging_product", "whatsapp");
        answer.put("contacts", List.of(Map.of("input", to, "wa_id", waId.value())));
        answer.put("messages", List.of(message));
        return answer;
    }

    /**
     * Plans the statuses: beyond the portfolio's messaging limit the send fails (only outside the customer's
     * window), a marketing template to a customer who stopped the number's marketing fails with 131050; else
     * the customer's script, else the number's suffix, else read. A delivered send outside the
     * window counts for the limit.
     */
    private void deliver(
            PhoneNumber phone,
            SandboxMessages.Outbound sent,
            WaId waId,
            @Nullable MessageTemplate template,
            boolean insideWindow,
            Instant now) {
        if (!insideWindow && !limits.admits(phone, waId, now)) {
            webhooks.failed(phone, sent, MessagingLimits.LIMIT_REACHED);
            return;
        }
        if (template != null
                && "MARKETING".equals(template.category())
                && marketingStops.stopped(phone.id(), waId.value())) {
            // A customer who stopped the number's marketing gets none; as for the other failures, the
            // sandbox tells it in a failed status, not in the send's answer (Meta does not say which).
            webhooks.failed(phone, sent, Objects.requireNonNull(DeliveryOutcome.MARKETING_STOPPED.failure()));
            return;
        }
        DeliveryScripts.@Nullable Script script =
                scripts.scriptFor(waId.value()).orElse(null);
        DeliveryOutcome outcome = script != null
                ? DeliveryOutcome.valueOf(script.outcome())
                : DeliveryOutcome.bySuffix(waId.value()).orElse(DeliveryOutcome.READ);
        DeliveryOutcome.@Nullable Failure failure = outcome.failure();
        if (failure != null) {
            webhooks.failed(phone, sent, failure);
            return;
        }
        if (!insideWindow) {
            limits.reached(phone, waId, now);
        }
        Pricing pricing = template == null ? Pricing.service() : Pricing.template(template.category(), insideWindow);
        int late = script != null ? script.delaySeconds() : DeliveryOutcome.DEFAULT_DELAY_SECONDS;
        webhooks.statuses(phone, sent, outcome, pricing, Duration.ofSeconds(late));
    }

    public void recordInbound(String phoneId, String waId) {
        messages.recordInbound(phoneId, WaId.fromRecipient(waId).value(), clock.instant());
    }

    private boolean insideWindow(PhoneNumber phone, WaId waId, Instant now) {
        return messages.lastInbound(phone.id(), waId.value())
                .map(last -> now.isBefore(last.plus(SERVICE_WINDOW)))
                .orElse(false);
    }

    private static void checkText(JsonNode text) {
        String body = required(text, "body", "text");
        maxLength("text['body']", body, 4096);
    }

    private static void checkTemplate(JsonNode template) {
        required(template, "name", "template");
        JsonNode language = template.path("language");
        if (!language.isObject() || language.path("code").asString("").isBlank()) {
            throw GraphRefusal.missingParameter("template['language']['code']");
        }
        JsonNode components = template.path("components");
        if (!components.isMissingNode() && !components.isArray()) {
            throw GraphRefusal.of(131009, "template['components'] must be an array.");
        }
    }

    /** Body ≤1024, header/footer ≤60, CTA display_text ≤20 [doc interactive-cta-url-messages]. */
    private static void checkInteractive(JsonNode interactive) {
        String kind = required(interactive, "type", "interactive");
        JsonNode body = interactive.path("body");
        if (!body.isMissingNode()) {
            maxLength("interactive['body']['text']", body.path("text").asString(""), 1024);
        } else if (!kind.equals("product")) {
            throw GraphRefusal.missingParameter("interactive['body']");
        }
        JsonNode header = interactive.path("header");
        if ("text".equals(header.path("type").asString(""))) {
            maxLength("interactive['header']['text']", header.path("text").asString(""), 60);
        }
        maxLength(
                "interactive['footer']['text']",
                interactive.path("footer").path("text").asString(""),
                60);
        if (kind.equals("cta_url")) {
            JsonNode parameters = interactive.path("action").path("parameters");
            String display = parameters.path("display_text").asString("");
            String url = parameters.path("url").asString("");
            if (display.isBlank()) {
                throw GraphRefusal.missingParameter("interactive['action']['parameters']['display_text']");
            }
            maxLength("interactive['action']['parameters']['display_text']", display, 20);
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw GraphRefusal.of(131009, "interactive['action']['parameters']['url'] must be an http(s) URL.");
            }
        }
    }

    private static String required(JsonNode node, String field, String parent) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            throw GraphRefusal.missingParameter(parent + "['" + field + "']");
        }
        return value;
    }

    private static void maxLength(String name, @Nullable String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw GraphRefusal.param("Param " + name + " must be at most " + max + " characters long.");
        }
    }

    /** "wamid." and a base64 payload, like Meta's ids (whose content is opaque). */
    public static String wamid(WaId waId) {
        byte[] prefix = ("HBgN" + waId.value()).getBytes(StandardCharsets.US_ASCII);
        return "wamid." + java.util.Base64.getEncoder().encodeToString(prefix).replace("=", "")
                + SandboxIds.urlSafe(18).replace('-', 'A').replace('_', 'B');
    }
}
