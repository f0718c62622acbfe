package br.com.metasandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the sandbox Graph API over real HTTP, as the product's Graph client does. */
public final class Graph {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        public JsonNode error() {
            return body.path("error");
        }

        public int code() {
            return error().path("code").asInt();
        }

        public String message() {
            return error().path("message").asString();
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Graph(int port) {
        this.base = "http://127.0.0.1:" + port + "/sandbox/graph/v25.0";
    }

    public Answer get(String path, @Nullable String token) {
        return send(request(path, token).GET());
    }

    public Answer delete(String path, @Nullable String token) {
        return send(request(path, token).DELETE());
    }

    public Answer postJson(String path, @Nullable String token, Map<String, ?> body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Answer postForm(String path, @Nullable String token, Map<String, String> form) {
        return send(request(path, token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    public Answer postBytes(String path, @Nullable String token, long offset, byte[] bytes) {
        return send(request(path, null)
                .header("Authorization", "OAuth " + token)
                .header("file_offset", Long.toString(offset))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    public Answer post(String path, @Nullable String token) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A GET that gives up after {@code timeout}, like a client's read timeout. */
    public HttpResponse<String> getWithTimeout(String path, String token, Duration timeout)
            throws IOException, InterruptedException {
        return client.send(request(path, token).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public byte[] download(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String query(Map<String, String> params) {
        return "?" + form(params);
    }

    public static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
