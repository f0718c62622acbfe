package br.com.whatsappoficial.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Meta's JSON: snake_case names, fields added at any time (ignored), absent values left out. */
final class GraphJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private GraphJson() {}

    static GraphError error(JsonNode error) {
        JsonNode data = error.path("error_data");
        return new GraphError(
                error.path("message").asString(""),
                text(error, "type"),
                error.path("code").asInt(-1),
                error.hasNonNull("error_subcode") ? error.get("error_subcode").asInt() : null,
                text(error, "fbtrace_id"),
                data.isObject() ? text(data, "details") : null,
                text(error, "error_user_title"),
                text(error, "error_user_msg"),
                error.hasNonNull("is_transient") ? error.get("is_transient").asBoolean() : null);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
