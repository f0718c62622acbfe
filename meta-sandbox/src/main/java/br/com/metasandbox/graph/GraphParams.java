package br.com.metasandbox.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * The parameters of one Graph call, wherever the caller put them: Meta accepts the query string, a form
 * body or a JSON body alike (contract §4 "params as query or JSON"), and values of form or query
 * parameters may themselves be JSON ({@code filtering=[...]}, {@code websites=[...]}).
 */
final class GraphParams {

    private final Map<String, String[]> query;
    private final Map<String, JsonNode> body;
    private final @Nullable String authorization;
    private final JsonMapper json;

    GraphParams(
            Map<String, String[]> query, Map<String, JsonNode> body, @Nullable String authorization, JsonMapper json) {
        this.query = query;
        this.body = body;
        this.authorization = authorization;
        this.json = json;
    }

    boolean has(String name) {
        return body.containsKey(name) || query.containsKey(name);
    }

    /** The value as text; JSON objects and arrays come back as their JSON text. */
    Optional<String> text(String name) {
        JsonNode node = body.get(name);
        if (node != null && !node.isNull()) {
            return Optional.of(
                    node.isString() ? node.stringValue() : node.isValueNode() ? node.asString() : node.toString());
        }
        String[] values = query.get(name);
        return values == null || values.length == 0 ? Optional.empty() : Optional.of(values[0]);
    }

    String requiredText(String name) {
        return text(name)
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> GraphRefusal.param("The parameter " + name + " is required."));
    }

    /** The value as JSON: body values as sent, query or form values parsed when they look like JSON. */
    Optional<JsonNode> node(String name) {
        JsonNode node = body.get(name);
        if (node != null) {
            return Optional.of(node);
        }
        return text(name).map(this::parseLoosely);
    }

    /** A list given as a JSON array, a JSON array in a string, or repeated form values. */
    Optional<List<String>> texts(String name) {
        String[] values = query.get(name);
        if (!body.containsKey(name) && values != null && values.length > 1) {
            return Optional.of(List.of(values));
        }
        return node(name).map(node -> {
            List<String> items = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(item -> items.add(item.isString() ? item.stringValue() : item.toString()));
            } else {
                items.add(node.isString() ? node.stringValue() : node.toString());
            }
            return items;
        });
    }

    /** The access token: {@code Authorization: Bearer|OAuth <token>} [doc, contract §0/§5] or {@code access_token}. */
    Optional<String> accessToken() {
        if (authorization != null) {
            String value = authorization.strip();
            for (String scheme : new String[] {"Bearer ", "OAuth "}) {
                if (value.regionMatches(true, 0, scheme, 0, scheme.length())) {
                    String token = value.substring(scheme.length()).strip();
                    if (!token.isEmpty()) {
                        return Optional.of(token);
                    }
                }
            }
        }
        return text("access_token").filter(token -> !token.isBlank());
    }

    private JsonNode parseLoosely(String value) {
        String trimmed = value.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return json.readTree(trimmed);
            } catch (JacksonException e) {
                // not JSON after all: the text itself
            }
        }
        return StringNode.valueOf(value);
    }
}
