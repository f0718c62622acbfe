package br.com.whatsappoficial.template;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Meta's template endpoints for the product's integration tests, until the sandbox serves them: one
 * WireMock per test JVM answering with the recorded payloads of {@code meta/recorded/}, each WABA of a
 * test with ids of its own (Meta's template ids are global, so two tests must not share them).
 */
final class MetaTemplatesStub {

    static final WireMockServer SERVER = start();
    static final String V = "/v25.0";

    private MetaTemplatesStub() {}

    private static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().templatingEnabled(true));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "meta-templates-stub-stop"));
        return server;
    }

    static String baseUrl() {
        return SERVER.baseUrl();
    }

    /** A fresh digits-only id, like Meta's. */
    static String id() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
    }

    /** Creations in this WABA are accepted for review with a fresh id, in the category asked for. */
    static void acceptsCreations(String waba) {
        SERVER.stubFor(post(urlPathEqualTo(V + "/" + waba + "/message_templates"))
                .withRequestBody(matchingJsonPath("$.name"))
                .withRequestBody(matchingJsonPath("$.components[?(@.type == 'BODY')]"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        // Meta's ids are numbers: never a leading zero (the webhooks carry them as JSON numbers).
                        .withBody("{\"id\":\"1{{randomValue length=14 type='NUMERIC'}}\",\"status\":\"PENDING\","
                                + "\"category\":\"{{jsonPath request.body '$.category'}}\"}")
                        .withTransformers("response-template")));
    }

    /** Edits of this template are accepted, as Meta answers them: {@code {"success": true}}. */
    static void acceptsEdits(String templateId) {
        SERVER.stubFor(post(urlPathEqualTo(V + "/" + templateId))
                .withRequestBody(matchingJsonPath("$.components[?(@.type == 'BODY')]"))
                .willReturn(json("{\"success\":true}")));
    }

    /** Edits of this template are refused with Meta's invalid-parameter error and its message for people. */
    static void refusesEdits(String templateId, String userMessage) {
        SERVER.stubFor(post(urlPathEqualTo(V + "/" + templateId))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error":{"message":"Invalid parameter","type":"OAuthException","code":100,
                                 "error_subcode":2388040,"error_user_title":"Edição recusada",
                                 "error_user_msg":"%s","fbtrace_id":"AbCdEf"}}""".formatted(userMessage))));
    }

    /** The bodies of the edits sent for this template, oldest first. */
    static java.util.List<String> editsSentTo(String templateId) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(V + "/" + templateId))).stream()
                .map(request -> request.getBodyAsString())
                .toList();
    }

    /** Deletions by name in this WABA are accepted: {@code {"success": true}}. */
    static void acceptsDeletions(String waba) {
        SERVER.stubFor(delete(urlPathEqualTo(V + "/" + waba + "/message_templates"))
                .withQueryParam("name", matching("[a-z0-9_]+"))
                .willReturn(json("{\"success\":true}")));
    }

    /** The names deleted in this WABA, oldest first. */
    static java.util.List<String> deletionsSentTo(String waba) {
        return SERVER.findAll(deleteRequestedFor(urlPathEqualTo(V + "/" + waba + "/message_templates"))).stream()
                .map(request -> request.queryParameter("name").firstValue())
                .toList();
    }

    /** Meta's own creation limit, answered as Meta throttles. */
    static void throttlesCreations(String waba) {
        SERVER.stubFor(post(urlPathEqualTo(V + "/" + waba + "/message_templates"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(payload("error_throughput").replace("130429", "80007"))));
    }

    /** The WABA's templates as Meta lists them (the recorded two pages), with ids of this WABA's own. */
    static ListedIds listsRecordedTemplates(String waba) {
        ListedIds ids = new ListedIds(id(), id(), id());
        String first = payload("message_templates")
                .replace("594425479261596", ids.approved())
                .replace("594425479261597", ids.rejected());
        String second = payload("message_templates_page2").replace("594425479261598", ids.paused());
        SERVER.stubFor(get(urlPathEqualTo(V + "/" + waba + "/message_templates"))
                .withQueryParam("after", absent())
                .willReturn(json(first)));
        SERVER.stubFor(get(urlPathEqualTo(V + "/" + waba + "/message_templates"))
                .withQueryParam("after", equalTo("MjQZD"))
                .willReturn(json(second)));
        return ids;
    }

    /** Ids of the recorded templates: pedido_enviado (APPROVED), promocao_relampago (REJECTED), codigo_de_acesso (PAUSED). */
    record ListedIds(String approved, String rejected, String paused) {}

    static int creationsSentTo(String waba) {
        return SERVER.countRequestsMatching(postRequestedFor(urlPathEqualTo(V + "/" + waba + "/message_templates"))
                        .build())
                .getCount();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static String payload(String name) {
        try (InputStream in = MetaTemplatesStub.class.getResourceAsStream("/meta/recorded/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
