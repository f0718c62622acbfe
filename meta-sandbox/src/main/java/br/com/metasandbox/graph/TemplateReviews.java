package br.com.metasandbox.graph;

import br.com.metasandbox.SandboxSettings;
import br.com.metasandbox.state.MessageTemplate;
import br.com.metasandbox.state.SandboxIds;
import br.com.metasandbox.state.SandboxTemplates;
import br.com.metasandbox.state.SandboxUploads;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import br.com.metasandbox.webhooks.WebhookDeliveries;
import br.com.metasandbox.webhooks.WebhookNotifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Meta's side of message templates (contract §10): creation with its checks and hourly cap, the automatic
 * review, edits, deletions, and the decisions an operator takes by hand on the console. Every decision
 * sends Meta's webhook through the outbox; the automatic one is due after {@code sandbox.template-review-delay}.
 */
@Component
public class TemplateReviews {

    /** Meta: at most 100 creations per WABA per hour [doc]. */
    public static final int CREATIONS_PER_HOUR = 100;

    /** Regra do sandbox: Meta documents no word list; these make a UTILITY template promotional. */
    public static final List<String> PROMOTIONAL_WORDS = List.of("promoção", "desconto", "oferta");

    /**
     * Meta's subcode for a name and language that already exist. It is not on Meta's error-codes page:
     * integrators report code 100, subcode 2388024, "Content in This Language Already Exists" (unverified).
     */
    public static final int DUPLICATE_SUBCODE = 2388024;

    public static final Set<String> CATEGORIES = Set.of("MARKETING", "UTILITY", "AUTHENTICATION");
    public static final List<String> QUALITY_SCORES = List.of("GREEN", "YELLOW", "RED", "UNKNOWN");

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}([_-][A-Za-z]{2,4})?");
    private static final Pattern STARTS_WITH_VARIABLE = Pattern.compile("^\\s*\\{\\{[^}]*}}.*", Pattern.DOTALL);
    private static final Set<String> MEDIA_HEADERS = Set.of("IMAGE", "VIDEO", "DOCUMENT");
    private static final Pattern DYNAMIC_URL = Pattern.compile("https?://[^{}\\s]+\\{\\{1}}");
    private static final Pattern ENDS_WITH_VARIABLE = Pattern.compile(".*\\{\\{[^}]*}}\\s*$", Pattern.DOTALL);

    private final SandboxTemplates templates;
    private final SandboxUploads uploads;
    private final WebhookNotifications webhooks;
    private final WebhookDeliveries deliveries;
    private final Duration reviewDelay;
    private final Clock clock;

    TemplateReviews(
            SandboxTemplates templates,
            SandboxUploads uploads,
            WebhookNotifications webhooks,
            WebhookDeliveries deliveries,
            SandboxSettings settings,
            Clock clock) {
        this.templates = templates;
        this.uploads = uploads;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.reviewDelay = settings.templateReviewDelay();
        this.clock = clock;
    }

    /** The automatic review's decision about a body in a category. */
    public record Decision(String status, String reason, String category) {}

    /**
     * APPROVED unless a rule says otherwise: a body that starts or ends with a variable (only blanks
     * before or after it; "até {{2}}." ends with a period) is REJECTED with INVALID_FORMAT [doc]; a UTILITY template with a promotional word is approved as MARKETING (Meta does
     * so since 2025-04 [doc]; the word list is the sandbox's rule).
     */
    public static Decision review(String category, @Nullable String body) {
        String text = body == null ? "" : body;
        if (STARTS_WITH_VARIABLE.matcher(text).matches()
                || ENDS_WITH_VARIABLE.matcher(text).matches()) {
            return new Decision(MessageTemplate.REJECTED, "INVALID_FORMAT", category);
        }
        if (category.equals("UTILITY") && promotional(text)) {
            return new Decision(MessageTemplate.APPROVED, "NONE", "MARKETING");
        }
        return new Decision(MessageTemplate.APPROVED, "NONE", category);
    }

    static boolean promotional(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return PROMOTIONAL_WORDS.stream().anyMatch(lower::contains);
    }

    /** Takes the automatic decisions that are due, so that every read sees them. */
    public void settle() {
        templates.settleDueReviews(clock.instant());
    }

    public List<MessageTemplate> templatesOf(String wabaId) {
        settle();
        return templates.templatesOf(wabaId);
    }

    public Optional<MessageTemplate> template(String id) {
        settle();
        return templates.template(id);
    }

    @Transactional
    MessageTemplate create(WhatsAppBusinessAccount waba, GraphParams params) {
        String name = params.requiredText("name");
        String category = params.requiredText("category").toUpperCase(Locale.ROOT);
        String language = params.requiredText("language");
        String format = params.text("parameter_format")
                .map(value -> value.toUpperCase(Locale.ROOT))
                .orElse("POSITIONAL");
        if (!NAME.matcher(name).matches()) {
            throw GraphRefusal.invalidParameter(
                    "name must have only lowercase letters, digits and underscores, at most 512 characters.");
        }
        if (!CATEGORIES.contains(category)) {
            throw GraphRefusal.invalidParameter("category must be one of MARKETING, UTILITY or AUTHENTICATION.");
        }
        if (!LANGUAGE.matcher(language).matches()) {
            throw GraphRefusal.invalidParameter("language is not a supported language code.");
        }
        if (!format.equals("POSITIONAL") && !format.equals("NAMED")) {
            throw GraphRefusal.invalidParameter("parameter_format must be positional or named.");
        }
        JsonNode components = components(params);
        Instant now = clock.instant();
        if (templates.creationsSince(waba.id(), now.minus(Duration.ofHours(1))) >= CREATIONS_PER_HOUR) {
            // The WABA rate-limit code (contract §8); which code Meta uses for this cap is unverified.
            throw GraphRefusal.of(
                    80007,
                    "A WhatsApp Business Account can create at most " + CREATIONS_PER_HOUR
                            + " message templates per hour.");
        }
        if (templates.exists(waba.id(), name, language)) {
            throw duplicate(name, language);
        }
        Decision decision = review(category, body(components));
        Instant due = now.plus(reviewDelay);
        MessageTemplate template = new MessageTemplate(
                SandboxIds.objectId(),
                waba.id(),
                name,
                language,
                category,
                format,
                components.toString(),
                MessageTemplate.PENDING,
                "NONE",
                "UNKNOWN",
                decision.status(),
                decision.reason(),
                decision.category(),
                due,
                now,
                now);
        templates.insert(template);
        announce(template, category, decision);
        return template;
    }

    @Transactional
    void edit(MessageTemplate template, GraphParams params) {
        settle();
        MessageTemplate current = templates.template(template.id()).orElseThrow();
        if (current.status().equals(MessageTemplate.PENDING) || current.status().equals(MessageTemplate.DISABLED)) {
            // Meta edits only APPROVED, REJECTED and PAUSED templates [doc]; the wording is unverified.
            throw GraphRefusal.invalidParameter("A template with status " + current.status() + " cannot be edited.");
        }
        String category = params.text("category")
                .map(value -> value.toUpperCase(Locale.ROOT))
                .orElse(current.category());
        if (!CATEGORIES.contains(category)) {
            throw GraphRefusal.invalidParameter("category must be one of MARKETING, UTILITY or AUTHENTICATION.");
        }
        JsonNode components = components(params);
        Decision decision = review(category, body(components));
        Instant now = clock.instant();
        templates.edit(
                current.id(),
                category,
                components.toString(),
                decision.status(),
                decision.reason(),
                decision.category(),
                now.plus(reviewDelay),
                now);
        announce(current, category, decision);
    }

    @Transactional
    void delete(WhatsAppBusinessAccount waba, String name) {
        settle();
        if (templates.deleteByName(waba.id(), name) == 0) {
            // The wording Meta uses for an unknown name is unverified.
            throw GraphRefusal.invalidParameter("Message template " + name + " was not found.");
        }
    }

    /**
     * An operator's decision on the console: APPROVED, REJECTED (with a reason), PAUSED or DISABLED, with
     * Meta's webhook; it replaces an automatic decision that is not due yet (and drops its webhooks).
     */
    @Transactional
    public void decide(String templateId, String status, @Nullable String reason) {
        settle();
        MessageTemplate template = templates.template(templateId).orElseThrow();
        Instant now = clock.instant();
        if (template.underAutomaticReview()) {
            String fragment = WebhookNotifications.templateFragment(template.id());
            deliveries.cancelNotYetDue(WebhookNotifications.TEMPLATE_STATUS, template.wabaId(), fragment, now);
            deliveries.cancelNotYetDue(WebhookNotifications.TEMPLATE_CATEGORY, template.wabaId(), fragment, now);
        }
        String why = status.equals(MessageTemplate.REJECTED)
                ? (reason == null || reason.isBlank() ? "INVALID_FORMAT" : reason.strip())
                : "NONE";
        templates.decide(template.id(), status, status.equals(MessageTemplate.REJECTED) ? why : "NONE", null, now);
        webhooks.templateStatus(template, status, why, template.category(), Duration.ZERO);
    }

    /** Meta announces on the console that it will recategorise a template at {@code effectiveAt}. */
    public void announceCategory(String templateId, String correct, Instant effectiveAt) {
        if (!CATEGORIES.contains(correct)) {
            throw new IllegalArgumentException("category must be one of " + CATEGORIES);
        }
        settle();
        webhooks.templateCategoryNotice(templates.template(templateId).orElseThrow(), correct, effectiveAt);
    }

    /** A new quality score set on the console, with Meta's quality webhook. */
    @Transactional
    public void setQuality(String templateId, String quality) {
        if (!QUALITY_SCORES.contains(quality)) {
            throw new IllegalArgumentException("quality must be one of " + QUALITY_SCORES);
        }
        settle();
        MessageTemplate template = templates.template(templateId).orElseThrow();
        templates.setQuality(template.id(), quality, clock.instant());
        webhooks.templateQuality(template, template.qualityScore(), quality);
    }

    private void announce(MessageTemplate template, String askedCategory, Decision decision) {
        if (!decision.category().equals(askedCategory)) {
            webhooks.templateCategory(template, askedCategory, decision.category(), reviewDelay);
        }
        webhooks.templateStatus(template, decision.status(), decision.reason(), decision.category(), reviewDelay);
    }

    /** Meta's answer to a name and language that exist already (see {@link #DUPLICATE_SUBCODE}). */
    static GraphRefusal duplicate(String name, String language) {
        return new GraphRefusal(
                400,
                GraphRefusal.OAUTH,
                100,
                DUPLICATE_SUBCODE,
                "Invalid parameter",
                "Content in This Language Already Exists: there is already " + language + " content for the template "
                        + name + ".",
                false);
    }

    private JsonNode components(GraphParams params) {
        JsonNode components = params.node("components")
                .filter(JsonNode::isArray)
                .orElseThrow(() -> GraphRefusal.param("The parameter components is required."));
        JsonNode body = null;
        for (JsonNode component : components) {
            if ("BODY".equalsIgnoreCase(component.path("type").asString(""))) {
                body = component;
            }
        }
        if (body == null || body.path("text").asString("").isBlank()) {
            throw GraphRefusal.invalidParameter("A template needs a BODY component with text.");
        }
        if (body.path("text").asString("").length() > 1024) {
            throw GraphRefusal.invalidParameter("The body text must be at most 1024 characters.");
        }
        for (JsonNode component : components) {
            String type = component.path("type").asString("").toUpperCase(Locale.ROOT);
            if (type.equals("HEADER")
                    && MEDIA_HEADERS.contains(
                            component.path("format").asString("TEXT").toUpperCase(Locale.ROOT))) {
                mediaExample(component);
            } else if (type.equals("BUTTONS")) {
                for (JsonNode button : component.path("buttons")) {
                    urlButton(button);
                }
            }
        }
        return components;
    }

    /**
     * A media header is reviewed with an example file, given as the handle of a Resumable Upload [doc]. The
     * sandbox accepts only handles it issued itself; Meta's wording for a missing or unknown one is unverified.
     */
    private void mediaExample(JsonNode header) {
        String handle = header.path("example").path("header_handle").path(0).asString("");
        if (handle.isBlank()) {
            throw GraphRefusal.invalidParameter("A " + header.path("format").asString("")
                    + " header needs example.header_handle: the handle of" + " an uploaded example file.");
        }
        if (!uploads.handleIssued(handle)) {
            throw GraphRefusal.invalidParameter("example.header_handle is not the handle of a completed upload.");
        }
    }

    /**
     * A URL button may end in one variable, {{1}}, with one example URL [doc]; the sandbox refuses anything else
     * synchronously (Meta's wording is unverified).
     */
    private static void urlButton(JsonNode button) {
        if (!"URL".equalsIgnoreCase(button.path("type").asString(""))) {
            return;
        }
        String url = button.path("url").asString("");
        List<String> variables = TemplateMessages.variables(url);
        if (variables.isEmpty()) {
            return;
        }
        if (!variables.equals(List.of("1")) || !DYNAMIC_URL.matcher(url).matches()) {
            throw GraphRefusal.invalidParameter("A URL button's url may have one variable, {{1}}, only at its end.");
        }
        String example = button.path("example").path(0).asString("");
        if (example.isBlank() || example.contains("{{")) {
            throw GraphRefusal.invalidParameter("A URL button with a variable needs an example URL.");
        }
    }

    private static @Nullable String body(JsonNode components) {
        for (JsonNode component : components) {
            if ("BODY".equalsIgnoreCase(component.path("type").asString(""))) {
                return component.path("text").asString("");
            }
        }
        return null;
    }
}
