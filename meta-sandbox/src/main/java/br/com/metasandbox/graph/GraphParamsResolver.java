package br.com.metasandbox.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link GraphParams} from the query string, a form body or a JSON body. Bodies over 64 KB are
 * refused with a Graph error before they are read (Meta's own limit for these calls is undocumented;
 * 64 KB is the sandbox's choice, unverified); upload bodies are read by the upload endpoint instead.
 */
public final class GraphParamsResolver implements HandlerMethodArgumentResolver {

    /** For the upload endpoint, whose body is raw bytes even when a client labels it as a form. */
    static GraphParams queryOnly(HttpServletRequest request, JsonMapper json) {
        Map<String, String[]> query = new LinkedHashMap<>();
        String raw = request.getQueryString();
        if (raw != null) {
            UriComponentsBuilder.newInstance()
                    .query(raw)
                    .build()
                    .getQueryParams()
                    .forEach((name, values) -> query.put(
                            decode(name),
                            values.stream()
                                    .map(value -> value == null ? "" : decode(value))
                                    .toArray(String[]::new)));
        }
        return new GraphParams(query, Map.of(), request.getHeader(HttpHeaders.AUTHORIZATION), json);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    static final int MAX_BODY = 64 * 1024;

    private final JsonMapper json;

    public GraphParamsResolver(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == GraphParams.class;
    }

    @Override
    public GraphParams resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory)
            throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (request == null) {
            throw new IllegalStateException("Graph calls come over HTTP");
        }
        return read(request);
    }

    GraphParams read(HttpServletRequest request) throws IOException {
        MediaType type = contentType(request);
        boolean jsonBody = type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
        boolean formBody = type != null && type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED);
        if ((jsonBody || formBody) && request.getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        Map<String, JsonNode> body = jsonBody ? readJson(request) : Map.of();
        return new GraphParams(request.getParameterMap(), body, request.getHeader(HttpHeaders.AUTHORIZATION), json);
    }

    private Map<String, JsonNode> readJson(HttpServletRequest request) throws IOException {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            throw GraphRefusal.param("Invalid JSON in the request body");
        }
        if (!root.isObject()) {
            throw GraphRefusal.param("The request body must be a JSON object");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        root.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        return values;
    }

    private static @Nullable MediaType contentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static GraphRefusal tooLarge() {
        return GraphRefusal.invalidParameter("The request body is larger than " + MAX_BODY + " bytes.");
    }
}
