package br.com.metasandbox.graph;

import br.com.metasandbox.state.MessageTemplate;
import br.com.metasandbox.state.SandboxTemplates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template message checked against the WABA's templates as Meta checks it [doc error-codes]: the name and
 * language must exist and be APPROVED (132001, HTTP 404, "does not exist in the specified language or has not
 * been approved", which covers PENDING and REJECTED), not PAUSED (132015) nor DISABLED (132016); the header,
 * body and URL-button parameters must match the template's variables in number (132000) and in format,
 * positional or named (132012). Meta lists these codes with an HTTP status and does not say that they also come
 * as a failed status webhook, so the sandbox answers them synchronously (its choice).
 */
@Component
public class TemplateMessages {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final Set<String> MEDIA_HEADERS = Set.of("IMAGE", "VIDEO", "DOCUMENT", "LOCATION");

    /** A template message as the customer's phone shows it, its variables filled in. */
    public record Rendered(
            @Nullable String header, String body, @Nullable String footer, List<Button> buttons) {}

    /** A button under the message; {@code url} for a URL button, its variable filled in. */
    public record Button(String text, @Nullable String url) {}

    /** Reads the components the sandbox stored itself: no setting of the application's mapper matters here. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxTemplates templates;
    private final Clock clock;

    TemplateMessages(SandboxTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    /** The approved template the send names, or Meta's refusal. */
    MessageTemplate check(String wabaId, JsonNode send) {
        String name = send.path("name").asString("");
        String language = send.path("language").path("code").asString("");
        templates.settleDueReviews(clock.instant());
        MessageTemplate template = templates
                .find(wabaId, name, language)
                .orElseThrow(
                        () -> GraphRefusal.of(132001, "template name (" + name + ") does not exist in " + language));
        switch (template.status()) {
            case MessageTemplate.APPROVED -> {}
            case MessageTemplate.PAUSED ->
                throw GraphRefusal.of(
                        132015, "Template is paused due to low quality so it cannot be sent in a template message.");
            case MessageTemplate.DISABLED ->
                throw GraphRefusal.of(
                        132016,
                        "Template has been paused too many times due to low quality and is now permanently"
                                + " disabled.");
            default ->
                throw GraphRefusal.of(
                        132001,
                        "template name (" + name + ") in " + language + " has status " + template.status()
                                + " and was not approved");
        }
        checkParameters(template, send);
        return template;
    }

    static void checkParameters(MessageTemplate template, JsonNode send) {
        boolean named = "NAMED".equalsIgnoreCase(template.parameterFormat());
        int buttonIndex = 0;
        for (JsonNode component : JSON.readTree(template.components())) {
            String type = component.path("type").asString("").toUpperCase(Locale.ROOT);
            if (type.equals("HEADER")) {
                String format = component.path("format").asString("TEXT").toUpperCase(Locale.ROOT);
                List<JsonNode> parameters = parameters(send, "header", null);
                if (MEDIA_HEADERS.contains(format)) {
                    checkMediaHeader(format, parameters);
                } else {
                    checkText("header", variables(component.path("text").asString("")), parameters, named);
                }
            } else if (type.equals("BODY")) {
                checkText(
                        "body", variables(component.path("text").asString("")), parameters(send, "body", null), named);
            } else if (type.equals("BUTTONS")) {
                for (JsonNode button : component.path("buttons")) {
                    List<String> variables =
                            "URL".equalsIgnoreCase(button.path("type").asString(""))
                                    ? variables(button.path("url").asString(""))
                                    : List.of();
                    if (!variables.isEmpty()) {
                        List<JsonNode> parameters = parameters(send, "button", buttonIndex);
                        if (parameters.size() != variables.size()) {
                            throw countMismatch("button at index " + buttonIndex, parameters.size(), variables.size());
                        }
                        requireValues("button at index " + buttonIndex, parameters);
                    }
                    buttonIndex++;
                }
            }
        }
    }

    private static void checkText(String where, List<String> variables, List<JsonNode> parameters, boolean named) {
        for (JsonNode parameter : parameters) {
            boolean hasName = parameter.hasNonNull("parameter_name");
            if (hasName != named) {
                throw GraphRefusal.of(
                        132012,
                        where + ": the template uses " + (named ? "named" : "positional")
                                + " parameters; every parameter must " + (named ? "" : "not ")
                                + "have a parameter_name.");
            }
            String kind = parameter.path("type").asString("text");
            if (!Set.of("text", "currency", "date_time").contains(kind)) {
                throw GraphRefusal.of(
                        132012, where + ": a parameter of type " + kind + " cannot fill a text variable.");
            }
        }
        if (parameters.size() != variables.size()) {
            throw countMismatch(where, parameters.size(), variables.size());
        }
        if (named) {
            Set<String> given = new LinkedHashSet<>();
            for (JsonNode parameter : parameters) {
                given.add(parameter.path("parameter_name").asString(""));
            }
            if (!given.equals(new LinkedHashSet<>(variables))) {
                throw GraphRefusal.of(
                        132000,
                        where + ": parameter names " + given + " do not match the template's " + variables + ".");
            }
        }
        requireValues(where, parameters);
    }

    private static void checkMediaHeader(String format, List<JsonNode> parameters) {
        if (parameters.size() != 1) {
            throw countMismatch("header", parameters.size(), 1);
        }
        String kind = parameters.getFirst().path("type").asString("");
        if (!kind.equalsIgnoreCase(format)) {
            throw GraphRefusal.of(
                    132012,
                    "header: the template's header is " + format.toLowerCase(Locale.ROOT) + ", the parameter is "
                            + (kind.isBlank() ? "untyped" : kind) + ".");
        }
    }

    private static void requireValues(String where, List<JsonNode> parameters) {
        for (JsonNode parameter : parameters) {
            if (value(parameter).isBlank()) {
                throw GraphRefusal.missingParameter(where + " parameter's text");
            }
        }
    }

    private static GraphRefusal countMismatch(String where, int given, int expected) {
        return GraphRefusal.of(
                132000,
                where + ": number of localizable_params (" + given + ") does not match the expected number of params ("
                        + expected + ")");
    }

    /**
     * The template filled in with the send's parameters: positional values in order, named ones by name,
     * currency and date_time by their fallback value.
     */
    public static Rendered render(MessageTemplate template, JsonNode send) {
        String header = null;
        String body = "";
        String footer = null;
        List<Button> buttons = new ArrayList<>();
        int buttonIndex = 0;
        for (JsonNode component : JSON.readTree(template.components())) {
            String type = component.path("type").asString("").toUpperCase(Locale.ROOT);
            switch (type) {
                case "HEADER" -> {
                    String format = component.path("format").asString("TEXT").toUpperCase(Locale.ROOT);
                    header = MEDIA_HEADERS.contains(format)
                            ? ("[" + format + "] "
                                            + parameters(send, "header", null).stream()
                                                    .map(TemplateMessages::value)
                                                    .findFirst()
                                                    .orElse(""))
                                    .strip()
                            : fill(component.path("text").asString(""), parameters(send, "header", null));
                }
                case "BODY" -> body = fill(component.path("text").asString(""), parameters(send, "body", null));
                case "FOOTER" -> footer = component.path("text").asString("");
                case "BUTTONS" -> {
                    for (JsonNode button : component.path("buttons")) {
                        String url = button.hasNonNull("url")
                                ? fill(button.path("url").asString(""), parameters(send, "button", buttonIndex))
                                : null;
                        buttons.add(new Button(button.path("text").asString(""), url));
                        buttonIndex++;
                    }
                }
                default -> {}
            }
        }
        return new Rendered(header, body, footer, List.copyOf(buttons));
    }

    /** {@code {{n}}} takes the n-th positional parameter, {@code {{name}}} the parameter of that name. */
    private static String fill(String text, List<JsonNode> parameters) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value = matcher.group();
            for (int i = 0; i < parameters.size(); i++) {
                JsonNode parameter = parameters.get(i);
                String name = parameter.path("parameter_name").asString("");
                if (name.isEmpty() ? variable.equals(Integer.toString(i + 1)) : name.equals(variable)) {
                    value = value(parameter);
                }
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** The template's distinct variables in the order they first appear: {@code 1, 2} or {@code nome, pedido}. */
    static List<String> variables(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return List.copyOf(found);
    }

    private static List<JsonNode> parameters(JsonNode send, String type, @Nullable Integer index) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode component : send.path("components")) {
            if (!component.path("type").asString("").equalsIgnoreCase(type)) {
                continue;
            }
            if (index != null && !index.toString().equals(scalar(component.path("index")))) {
                continue;
            }
            component.path("parameters").forEach(found::add);
        }
        return found;
    }

    /** A number or a string as text: Meta's examples send a button's index as "0". */
    private static String scalar(JsonNode node) {
        return node.isNumber() ? node.numberValue().toString() : node.asString("");
    }

    private static String value(JsonNode parameter) {
        return switch (parameter.path("type").asString("text")) {
            case "currency" -> parameter.path("currency").path("fallback_value").asString("");
            case "date_time" ->
                parameter.path("date_time").path("fallback_value").asString("");
            case "text" -> parameter.path("text").asString("");
            default ->
                parameter.path(parameter.path("type").asString("")).path("link").asString("");
        };
    }
}
