package br.com.whatsappoficial.meta;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One Graph API request, before the base URL, version and {@code appsecret_proof} are added.
 *
 * @param operation a stable name for logs, metrics and failures, e.g. {@code phone.register}
 * @param path the path after the version, e.g. {@code /106540352242922/register}
 * @param bearer the access token for the Authorization header, if any
 * @param proveAppSecret whether to add {@code appsecret_proof} (business tokens; not app tokens)
 */
record GraphRequest(
        String operation,
        HttpMethod method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        @Nullable String bearer,
        boolean proveAppSecret,
        @Nullable Object jsonBody,
        byte @Nullable [] rawBody) {

    static GraphRequest get(String operation, String path) {
        return new GraphRequest(operation, HttpMethod.GET, path, Map.of(), Map.of(), null, false, null, null);
    }

    static GraphRequest post(String operation, String path) {
        return new GraphRequest(operation, HttpMethod.POST, path, Map.of(), Map.of(), null, false, null, null);
    }

    static GraphRequest delete(String operation, String path) {
        return new GraphRequest(operation, HttpMethod.DELETE, path, Map.of(), Map.of(), null, false, null, null);
    }

    /** Authenticates with a customer's business token, proven with the app secret. */
    GraphRequest as(BusinessToken token) {
        return new GraphRequest(operation, method, path, query, headers, token.value(), true, jsonBody, rawBody);
    }

    /** Authenticates with a token that needs no proof (the app's own token). */
    GraphRequest bearer(String token) {
        return new GraphRequest(operation, method, path, query, headers, token, false, jsonBody, rawBody);
    }

    GraphRequest query(String name, @Nullable String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return new GraphRequest(
                operation, method, path, Map.copyOf(more), headers, bearer, proveAppSecret, jsonBody, rawBody);
    }

    GraphRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new GraphRequest(
                operation, method, path, query, Map.copyOf(more), bearer, proveAppSecret, jsonBody, rawBody);
    }

    GraphRequest json(Object body) {
        return new GraphRequest(operation, method, path, query, headers, bearer, proveAppSecret, body, null);
    }

    GraphRequest bytes(byte[] body) {
        return new GraphRequest(operation, method, path, query, headers, bearer, proveAppSecret, null, body);
    }

    @Override
    public String toString() {
        // Neither the token nor query values: the code exchange carries the app secret there.
        return "GraphRequest[" + method + " " + operation + " " + path + "]";
    }
}
