package br.com.metasandbox.console;

import br.com.metasandbox.state.InboundMessages;
import br.com.metasandbox.state.SandboxMessages;
import br.com.metasandbox.state.WaId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulated customer's phone: the conversation with one business number, as the customer sees it. */
@Component
class CustomerPhone {

    /** One bubble: {@code fromBusiness} on the left, the customer's own on the right. */
    record Bubble(
            boolean fromBusiness,
            String kind,
            String text,
            @org.jspecify.annotations.Nullable String button,
            Instant at) {}

    private final SandboxMessages sent;
    private final InboundMessages inbound;
    private final JsonMapper json;

    CustomerPhone(SandboxMessages sent, InboundMessages inbound, JsonMapper json) {
        this.sent = sent;
        this.inbound = inbound;
        this.json = json;
    }

    List<Bubble> conversation(String phoneId, String customer) {
        String waId = WaId.fromRecipient(customer).value();
        List<Bubble> bubbles = new ArrayList<>();
        for (SandboxMessages.Outbound message : sent.sentBy(phoneId)) {
            if (message.waId().equals(waId)) {
                bubbles.add(bubble(message));
            }
        }
        for (InboundMessages.Inbound message : inbound.between(phoneId, waId)) {
            bubbles.add(new Bubble(false, "text", message.body(), null, message.createdAt()));
        }
        bubbles.sort(Comparator.comparing(Bubble::at));
        return bubbles;
    }

    private Bubble bubble(SandboxMessages.Outbound message) {
        JsonNode payload = json.readTree(message.payload());
        JsonNode content = payload.path(message.type());
        return switch (message.type()) {
            case "text" -> new Bubble(true, "text", content.path("body").asString(""), null, message.createdAt());
            case "template" -> {
                StringBuilder text = new StringBuilder(content.path("name").asString(""));
                text.append(" (")
                        .append(content.path("language").path("code").asString(""))
                        .append(")");
                List<String> values = new ArrayList<>();
                for (JsonNode component : content.path("components")) {
                    for (JsonNode parameter : component.path("parameters")) {
                        values.add(parameter.path("text").asString(parameter.toString()));
                    }
                }
                if (!values.isEmpty()) {
                    text.append(": ").append(String.join(" · ", values));
                }
                yield new Bubble(true, "template", text.toString(), null, message.createdAt());
            }
            default -> {
                String header = content.path("header").path("text").asString("");
                String body = content.path("body").path("text").asString("");
                String footer = content.path("footer").path("text").asString("");
                String text = String.join(
                        "\n",
                        List.of(header, body, footer).stream()
                                .filter(part -> !part.isBlank())
                                .toList());
                String button = content.path("action")
                        .path("parameters")
                        .path("display_text")
                        .asString("");
                yield new Bubble(true, "interactive", text, button.isBlank() ? null : button, message.createdAt());
            }
        };
    }
}
