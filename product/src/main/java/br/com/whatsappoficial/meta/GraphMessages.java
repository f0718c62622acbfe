package br.com.whatsappoficial.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends messages (META-CONTRACT §6). A {@link MetaErrorClass#TIMEOUT} here has an unknown outcome:
 * the message may have gone out, so it is reconciled from status webhooks, never sent again blindly.
 */
@Component
public class GraphMessages {

    private final GraphHttp graph;

    GraphMessages(GraphHttp graph) {
        this.graph = graph;
    }

    public MessageAccepted send(BusinessToken token, String phoneNumberId, OutboundMessage message) {
        return graph.call(
                GraphRequest.post("messages", "/" + phoneNumberId + "/messages")
                        .json(body(message))
                        .as(token),
                MessageAccepted.class);
    }

    static Body body(OutboundMessage message) {
        return switch (message) {
            case OutboundMessage.Text text ->
                new Body(
                        text.to(),
                        "text",
                        new TextPart(text.previewUrl(), text.body()),
                        null,
                        null,
                        text.callbackData());
            case OutboundMessage.Template template ->
                new Body(
                        template.to(),
                        "template",
                        null,
                        new TemplatePart(
                                template.name(), Map.of("code", template.languageCode()), components(template)),
                        null,
                        template.callbackData());
            case OutboundMessage.CtaUrl cta ->
                new Body(cta.to(), "interactive", null, null, interactive(cta), cta.callbackData());
        };
    }

    /**
     * The template's parameters by component, as Meta lists them: header, body, then each dynamic URL button
     * ({@code sub_type: url} with the button's {@code index}, as a string like Meta's examples).
     */
    private static List<Map<String, Object>> components(OutboundMessage.Template template) {
        List<Map<String, Object>> components = new ArrayList<>();
        switch (template.header()) {
            case OutboundMessage.HeaderText text ->
                components.add(Map.of("type", "header", "parameters", List.of(parameter(text.value()))));
            case OutboundMessage.HeaderMedia media ->
                components.add(Map.of(
                        "type",
                        "header",
                        "parameters",
                        List.of(Map.of("type", media.type(), media.type(), Map.of("link", media.link())))));
            case null -> {}
        }
        if (!template.bodyParameters().isEmpty()) {
            components.add(Map.of(
                    "type",
                    "body",
                    "parameters",
                    template.bodyParameters().stream()
                            .map(GraphMessages::parameter)
                            .toList()));
        }
        for (OutboundMessage.ButtonParameter button : template.buttons()) {
            var part = new LinkedHashMap<String, Object>();
            part.put("type", "button");
            part.put("sub_type", "url");
            part.put("index", Integer.toString(button.index()));
            part.put("parameters", List.of(Map.of("type", "text", "text", button.text())));
            components.add(part);
        }
        return List.copyOf(components);
    }

    /** A named parameter carries {@code parameter_name}, as Meta asks for {{nome}}-style templates. */
    private static Map<String, Object> parameter(OutboundMessage.Parameter parameter) {
        var part = new LinkedHashMap<String, Object>();
        part.put("type", "text");
        if (parameter.name() != null) {
            part.put("parameter_name", parameter.name());
        }
        part.put("text", parameter.text());
        return part;
    }

    private static Map<String, Object> interactive(OutboundMessage.CtaUrl cta) {
        var parts = new LinkedHashMap<String, Object>();
        parts.put("type", "cta_url");
        parts.put("body", Map.of("text", cta.body()));
        if (cta.footer() != null) {
            parts.put("footer", Map.of("text", cta.footer()));
        }
        parts.put(
                "action",
                Map.of("name", "cta_url", "parameters", Map.of("display_text", cta.buttonText(), "url", cta.url())));
        return parts;
    }

    /**
     * The wire shape of a message; {@code messaging_product} and {@code recipient_type} are fixed. A
     * customer known only by a business-scoped user id ({@code BR.…}) goes in {@code recipient}, a number in
     * {@code to}.
     */
    record Body(
            String messagingProduct,
            String recipientType,
            @Nullable String to,
            @Nullable String recipient,
            String type,
            @Nullable TextPart text,
            @Nullable TemplatePart template,
            @Nullable Map<String, Object> interactive,
            @Nullable String bizOpaqueCallbackData) {

        Body(
                String to,
                String type,
                @Nullable TextPart text,
                @Nullable TemplatePart template,
                @Nullable Map<String, Object> interactive,
                @Nullable String callbackData) {
            this(
                    "whatsapp",
                    "individual",
                    OutboundMessage.isUserId(to) ? null : to,
                    OutboundMessage.isUserId(to) ? to : null,
                    type,
                    text,
                    template,
                    interactive,
                    callbackData);
        }
    }

    record TextPart(boolean previewUrl, String body) {}

    record TemplatePart(String name, Map<String, String> language, List<Map<String, Object>> components) {}
}
