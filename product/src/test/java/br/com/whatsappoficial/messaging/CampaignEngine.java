package br.com.whatsappoficial.messaging;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.whatsappoficial.meta.WebhookSignature;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The campaign engine and Meta as the sending tests play them: the API called with one store's key, and
 * webhooks signed with the sandbox app's secret posted to the running server (public for the modules that
 * react to webhooks, like the automatic reply).
 */
public final class CampaignEngine {

    private final MockMvc mvc;
    private final String key;
    private final int port;

    public CampaignEngine(MockMvc mvc, String key, int port) {
        this.mvc = mvc;
        this.key = key;
        this.port = port;
    }

    ResultActions send(String body) throws Exception {
        return send(UUID.randomUUID().toString(), body);
    }

    ResultActions send(String idempotencyKey, String body) throws Exception {
        return mvc.perform(withKey(post("/api/v1/messages"))
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /** A template to one customer, accepted (202) for sending. */
    void sendTemplate(String to, String template, String... parameters) throws Exception {
        String values = parameters.length == 0 ? "" : "\"" + String.join("\", \"", parameters) + "\"";
        send("""
                        {"to": "%s", "template": {"name": "%s", "parameters": [%s]}}""".formatted(to, template, values)).andExpect(status().isAccepted());
    }

    ResultActions read(String id) throws Exception {
        return mvc.perform(withKey(get("/api/v1/messages/" + id))).andExpect(status().isOk());
    }

    ResultActions limits() throws Exception {
        return mvc.perform(withKey(get("/api/v1/limits"))).andExpect(status().isOk());
    }

    /** The dry run of {@code POST /api/v1/recipients/check} for these recipients, in order. */
    ResultActions check(String... recipients) throws Exception {
        return mvc.perform(withKey(post("/api/v1/recipients/check"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recipients\": [\"" + String.join("\", \"", recipients) + "\"]}"))
                .andExpect(status().isOk());
    }

    MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + key);
    }

    /** Posts a webhook signed with the sandbox app's secret, as Meta does; its HTTP status. */
    public int webhook(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/meta"))
                .header("Content-Type", "application/json")
                .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), "sandbox-app-secret"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** The message id of a 202. */
    static String id(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
    }
}
