package br.com.whatsappoficial.meta;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Graph API call goes through here: one place for the base URL and version, the bearer token and
 * its {@code appsecret_proof}, timeouts, Meta's error envelope, metrics and logging. It never retries:
 * callers decide from the {@link MetaErrorClass} and schedule retries durably.
 *
 * <p>Tokens travel in the Authorization header, never in the URL, and URLs are never logged or put in
 * exceptions: Meta's code exchange carries the app secret in its query string.
 */
@Component
class GraphHttp {

    private static final Logger log = LoggerFactory.getLogger(GraphHttp.class);

    private final MetaSettings settings;
    private final Environment environment;

    private final MeterRegistry meters;
    private final RestClient rest;
    private final JsonMapper json = GraphJson.MAPPER;

    /** The embedded sandbox's Graph address, once the port it listens on is known. */
    private volatile @Nullable URI sandboxUrl;

    GraphHttp(MetaSettings settings, Environment environment, MeterRegistry meters) {
        this.settings = settings;
        this.environment = environment;
        this.meters = meters;
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(settings.readTimeout());
        // A plain builder on purpose: Boot's instrumented one would tag metrics and traces with URLs.
        this.rest = RestClient.builder().requestFactory(requests).build();
    }

    <T> T call(GraphRequest request, Class<T> answer) {
        URI uri = uri(request);
        Timer.Sample timing = Timer.start(meters);
        String outcome = "success";
        try {
            byte[] body = execute(request, uri);
            return json.readValue(body, answer);
        } catch (MetaCallFailed failed) {
            outcome = failed.errorClass().name().toLowerCase();
            log.warn(
                    "Graph {} failed: {} (code {}, subcode {}, fbtrace_id {})",
                    request.operation(),
                    failed.errorClass(),
                    failed.code(),
                    failed.errorSubcode(),
                    failed.fbtraceId());
            throw failed;
        } catch (JacksonException unreadable) {
            outcome = "unreadable";
            throw new MetaCallFailed(
                    request.operation(),
                    MetaErrorClass.UNKNOWN,
                    200,
                    null,
                    false,
                    "Graph " + request.operation() + " answered with an unexpected body",
                    null);
        } finally {
            timing.stop(Timer.builder("meta.graph.requests")
                    .description("Graph API calls by operation and outcome")
                    .tag("operation", request.operation())
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }

    private byte[] execute(GraphRequest request, URI uri) {
        try {
            RestClient.RequestBodySpec spec = rest.method(request.method())
                    .uri(uri)
                    .headers(headers -> {
                        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
                        if (request.bearer() != null) {
                            headers.setBearerAuth(request.bearer());
                        }
                        request.headers().forEach(headers::set);
                    });
            if (request.jsonBody() != null) {
                spec.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(request.jsonBody()));
            } else if (request.rawBody() != null) {
                spec.contentType(MediaType.APPLICATION_OCTET_STREAM).body(request.rawBody());
            }
            return spec.exchange((req, response) -> {
                byte[] body = readAll(response.getBody());
                int status = response.getStatusCode().value();
                if (status >= 400) {
                    throw failure(request.operation(), status, body);
                }
                return body;
            });
        } catch (ResourceAccessException io) {
            throw unreachable(request, io);
        }
    }

    private MetaCallFailed failure(String operation, int status, byte[] body) {
        GraphError error = parseError(body);
        MetaErrorClass errorClass = error == null
                ? (status >= 500
                        ? MetaErrorClass.TRANSIENT
                        : status == 429 ? MetaErrorClass.THROTTLING : MetaErrorClass.UNKNOWN)
                : MetaErrorClass.of(error, status);
        String description = error == null
                ? "Graph " + operation + " failed with HTTP " + status
                : "Graph " + operation + " failed with code " + error.code() + ": " + error.message();
        return new MetaCallFailed(operation, errorClass, status, error, false, description, null);
    }

    private MetaCallFailed unreachable(GraphRequest request, ResourceAccessException io) {
        Throwable cause = io.getCause();
        boolean notConnected = cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException;
        boolean timedOut = !notConnected && cause instanceof HttpTimeoutException;
        // Only a request that reached Meta can have been carried out; a GET changes nothing anyway.
        boolean outcomeUnknown = timedOut && request.method() != HttpMethod.GET;
        String what = notConnected
                ? "could not connect within " + settings.connectTimeout()
                : timedOut ? "got no answer within " + settings.readTimeout() : "lost the connection";
        return new MetaCallFailed(
                request.operation(),
                timedOut ? MetaErrorClass.TIMEOUT : MetaErrorClass.TRANSIENT,
                0,
                null,
                outcomeUnknown,
                "Graph " + request.operation() + " " + what,
                null);
    }

    private @Nullable GraphError parseError(byte[] body) {
        try {
            JsonNode error = json.readTree(body).get("error");
            return error == null || !error.isObject() ? null : GraphJson.error(error);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /**
     * A path may end in a query Meta gave as part of an id (an upload session's {@code upload:<id>?sig=<sig>}):
     * that query goes back byte for byte, since encoding its {@code ?} or re-encoding the signature makes
     * Meta see another id.
     */
    private URI uri(GraphRequest request) {
        int query = request.path().indexOf('?');
        String path = query < 0 ? request.path() : request.path().substring(0, query);
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(baseUrl())
                .pathSegment(settings.graphVersion())
                .path(path);
        request.query().forEach(uri::queryParam);
        if (request.bearer() != null && request.proveAppSecret()) {
            uri.queryParam("appsecret_proof", AppSecretProof.of(settings.appSecret(), request.bearer()));
        }
        URI encoded = uri.encode().build().toUri();
        if (query < 0) {
            return encoded;
        }
        String ours = encoded.getRawQuery();
        return URI.create(encoded.getScheme() + "://" + encoded.getRawAuthority() + encoded.getRawPath() + "?"
                + request.path().substring(query + 1) + (ours == null ? "" : "&" + ours));
    }

    /** Live mode: the configured URL. Sandbox mode: our own server, on whatever port it got. */
    URI baseUrl() {
        if (settings.graphBaseUrl() != null) {
            return settings.graphBaseUrl();
        }
        URI known = sandboxUrl;
        if (known != null) {
            return known;
        }
        String listening = environment.getProperty("local.server.port");
        String port = listening != null ? listening : environment.getProperty("server.port", "8080");
        URI sandbox = URI.create("http://127.0.0.1:" + port + "/sandbox/graph");
        // Kept once the server listens: looking the port up walked every property source at each call.
        if (listening != null) {
            sandboxUrl = sandbox;
        }
        return sandbox;
    }

    private static byte[] readAll(InputStream body) throws IOException {
        try (body) {
            return body.readAllBytes();
        }
    }
}
