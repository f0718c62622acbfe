package br.com.metasandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxFault;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.TestClock;
import br.com.testsupport.PostgresIntegrationTest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Fault switches: an HTTP 5xx, a chosen Graph error, added latency and a hang, per operation. */
@PostgresIntegrationTest
@Import(TestClock.Configuration.class)
class SandboxFaultsIT {

    @Autowired
    SandboxMeta meta;

    @LocalServerPort
    int port;

    Graph graph;
    SandboxScene scene;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph);
    }

    @AfterEach
    void noFaults() {
        meta.clearFaults();
    }

    @Test
    void anHttp503AnswersGraphsTransientEnvelope() {
        meta.setFault("phone.get", SandboxFault.httpStatus(503));

        Graph.Answer answer = graph.get("/" + scene.phone().id(), scene.token());

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo(2);
        assertThat(answer.error().path("is_transient").asBoolean()).isTrue();
        assertThat(answer.error().path("fbtrace_id").asString()).isNotBlank();
        // other operations are untouched
        assertThat(graph.get("/" + scene.waba().id(), scene.token()).status()).isEqualTo(200);
    }

    @Test
    void aChosenGraphErrorComesWithItsHttpStatusAndMessage() {
        meta.setFault("messages", SandboxFault.graphError(130429));
        meta.setFault("phone.register", SandboxFault.graphError(133004));

        Graph.Answer throttled = graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                java.util.Map.of("messaging_product", "whatsapp", "to", "+5511912345678", "type", "text"));
        Graph.Answer unavailable = graph.postJson(
                "/" + scene.phone().id() + "/register",
                scene.token(),
                java.util.Map.of("messaging_product", "whatsapp", "pin", "123456"));

        assertThat(throttled.status()).isEqualTo(400);
        assertThat(throttled.code()).isEqualTo(130429);
        assertThat(throttled.message()).isEqualTo("(#130429) Rate limit hit");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.code()).isEqualTo(133004);
    }

    @Test
    void aFaultOnTheCodeExchangeKeepsTheCodeUnspent() {
        String code = meta.issueCode(scene.business().id());
        meta.setFault("oauth.access_token", SandboxFault.httpStatus(500));
        String path = "/oauth/access_token"
                + Graph.query(
                        Graph.params("client_id", "sandbox-app", "client_secret", "sandbox-app-secret", "code", code));

        assertThat(graph.get(path, null).status()).isEqualTo(500);
        meta.clearFaults();
        assertThat(graph.get(path, null).status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysButStillAnswers() {
        meta.setFault("waba.get", SandboxFault.latency(Duration.ofMillis(50)));
        Graph.Answer answer = graph.get("/" + scene.waba().id(), scene.token());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("id").asString()).isEqualTo(scene.waba().id());
    }

    @Test
    void aHangTripsTheClientsReadTimeoutAndClearingLetsCallsThrough() {
        meta.setFault("phone.get", SandboxFault.hanging());

        assertThatThrownBy(() -> graph.getWithTimeout("/" + scene.phone().id(), scene.token(), Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);

        meta.clearFaults();
        assertThat(graph.get("/" + scene.phone().id(), scene.token()).status()).isEqualTo(200);
    }

    @Test
    void unknownOperationsAreRefused() {
        assertThatThrownBy(() -> meta.setFault("phone.teleport", SandboxFault.httpStatus(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
