package br.com.metasandbox.console;

import br.com.metasandbox.graph.TemplateMessages;
import br.com.metasandbox.state.InboundMessages;
import br.com.metasandbox.state.MessageTemplate;
import br.com.metasandbox.state.SandboxMessages;
import br.com.metasandbox.state.SandboxProfiles;
import br.com.metasandbox.state.SandboxTemplates;
import br.com.metasandbox.state.WaId;
import br.com.metasandbox.state.WhatsAppBusinessProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated customer's phone: the conversation with one business number as the customer sees it, a template
 * filled in with its parameters (header, body, footer, buttons) and a CTA URL message with its button as a link;
 * the customer's replies show the message they answer.
 */
@Component
class CustomerPhone {

    /**
     * One bubble: {@code fromBusiness} on the left, the customer's own on the right.
     *
     * @param id the message's wamid, which a reply or a button tap names
     * @param quoted the text of the message this one answers, shown above it as WhatsApp does
     */
    record Bubble(
            String id,
            boolean fromBusiness,
            String kind,
            @Nullable String header,
            String text,
            @Nullable String footer,
            List<TemplateMessages.Button> buttons,
            Instant at,
            @Nullable String quoted) {

        static Bubble text(String id, boolean fromBusiness, String text, Instant at) {
            return new Bubble(id, fromBusiness, "text", null, text, null, List.of(), at, null);
        }

        Bubble quoting(@Nullable String text) {
            return new Bubble(id, fromBusiness, kind, header, this.text, footer, buttons, at, text);
        }
    }

    private final SandboxMessages sent;
    private final InboundMessages inbound;
    private final SandboxTemplates templates;
    private final JsonMapper json;
    private final SandboxProfiles profiles;

    CustomerPhone(
            SandboxMessages sent,
            InboundMessages inbound,
            SandboxTemplates templates,
            JsonMapper json,
            SandboxProfiles profiles) {
        this.sent = sent;
        this.inbound = inbound;
        this.templates = templates;
        this.json = json;
        this.profiles = profiles;
    }

    /** The handle of the business's profile picture, which also tells the chat header's image apart when it changes. */
    Optional<String> pictureHandle(String phoneId) {
        return profiles.of(phoneId).map(WhatsAppBusinessProfile::profilePictureHandle);
    }

    List<Bubble> conversation(String phoneId, String customer) {
        String waId = WaId.fromRecipient(customer).value();
        List<Bubble> bubbles = new ArrayList<>();
        for (SandboxMessages.Outbound message : sent.sentBy(phoneId)) {
            if (message.waId().equals(waId)) {
                bubbles.add(bubble(message));
            }
        }
        Map<String, String> texts = new HashMap<>();
        bubbles.forEach(bubble -> texts.put(bubble.id(), bubble.text()));
        for (InboundMessages.Inbound message : inbound.between(phoneId, waId)) {
            Bubble bubble = Bubble.text(message.id(), false, message.body(), message.createdAt());
            bubbles.add(message.contextId() == null ? bubble : bubble.quoting(texts.get(message.contextId())));
        }
        bubbles.sort(Comparator.comparing(Bubble::at));
        return bubbles;
    }

    private Bubble bubble(SandboxMessages.Outbound message) {
        JsonNode payload = json.readTree(message.payload());
        JsonNode content = payload.path(message.type());
        return switch (message.type()) {
            case "text" -> Bubble.text(message.id(), true, content.path("body").asString(""), message.createdAt());
            case "template" -> template(message, content);
            default -> {
                String display = content.path("action")
                        .path("parameters")
                        .path("display_text")
                        .asString("");
                String url =
                        content.path("action").path("parameters").path("url").asString("");
                yield new Bubble(
                        message.id(),
                        true,
                        "interactive",
                        blankToNull(content.path("header").path("text").asString("")),
                        content.path("body").path("text").asString(""),
                        blankToNull(content.path("footer").path("text").asString("")),
                        display.isBlank()
                                ? List.of()
                                : List.of(new TemplateMessages.Button(display, url.isBlank() ? null : url)),
                        message.createdAt(),
                        null);
            }
        };
    }

    /** The template as it is now, filled in; its name alone when it was deleted since. */
    private Bubble template(SandboxMessages.Outbound message, JsonNode content) {
        @Nullable
        MessageTemplate template = message.templateId() == null
                ? null
                : templates.template(message.templateId()).orElse(null);
        if (template == null) {
            return new Bubble(
                    message.id(),
                    true,
                    "template",
                    null,
                    content.path("name").asString(""),
                    null,
                    List.of(),
                    message.createdAt(),
                    null);
        }
        TemplateMessages.Rendered rendered = TemplateMessages.render(template, content);
        return new Bubble(
                message.id(),
                true,
                "template",
                rendered.header(),
                rendered.body(),
                rendered.footer(),
                rendered.buttons(),
                message.createdAt(),
                null);
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
