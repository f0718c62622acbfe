package br.com.metasandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A stand-in for the product's webhook endpoint: WireMock answering 200, recording every POST. */
public final class WebhookReceiver {

    public static final WireMockServer SERVER = start();

    private WebhookReceiver() {}

    private static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(post(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        return server;
    }

    public static String url(String path) {
        return "http://127.0.0.1:" + SERVER.port() + path;
    }

    /** The POSTs received about an entry id (WABA or business), oldest first. */
    static List<LoggedRequest> about(String entryId) {
        return SERVER.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.getBodyAsString().contains("\"id\":\"" + entryId + "\""))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    public static JsonNode json(LoggedRequest request) {
        return Graph.JSON.readTree(new String(request.getBody(), StandardCharsets.UTF_8));
    }
}
