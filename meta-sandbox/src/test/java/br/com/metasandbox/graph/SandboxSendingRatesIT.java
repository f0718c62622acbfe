package br.com.metasandbox.graph;

import static br.com.metasandbox.SandboxTemplateFixtures.message;
import static br.com.metasandbox.SandboxTemplateFixtures.send;
import static br.com.metasandbox.SandboxTemplateFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.PlannedStatuses;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.SandboxTemplateFixtures;
import br.com.metasandbox.TestClock;
import br.com.testsupport.PostgresIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Meta's limits on how fast a number sends, through {@code POST /{phone-id}/messages}: the number's messages
 * per second (130429), the pair rate to one customer (131056), a quality pause (131048), and marketing
 * templates held for quality assessment. The clock stands still unless the test moves it.
 */
@PostgresIntegrationTest
@Import(TestClock.Configuration.class)
class SandboxSendingRatesIT {

    @Autowired
    SandboxMeta meta;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.boot.web.servlet.FilterRegistrationBean<GraphArrival> graphArrival;

    Graph graph;
    SandboxScene scene;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph).connected(meta, graph);
        SandboxTemplateFixtures.approved(
                meta,
                graph,
                scene,
                SandboxTemplateFixtures.withBody("oferta", "MARKETING", "Oferta da semana para você, {{1}}!"));
        SandboxTemplateFixtures.approved(
                meta,
                graph,
                scene,
                SandboxTemplateFixtures.withBody("aviso", "UTILITY", "Seu pedido saiu para entrega, {{1}}."));
        clock.freeze();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aNumberAboveEightyMessagesInOneSecondGets130429UntilTheSecondHasPassed() {
        for (int i = 0; i < SendingRates.STANDARD_MPS; i++) {
            assertThat(sendTo(PlannedStatuses.customerEndingIn("%04d".formatted(i)), "aviso")
                            .status())
                    .isEqualTo(200);
        }

        Graph.Answer tooFast = sendTo(PlannedStatuses.customerEndingIn("5678"), "aviso");

        assertThat(tooFast.status()).isEqualTo(400);
        assertThat(tooFast.code()).isEqualTo(130429);
        assertThat(tooFast.message()).isEqualTo("(#130429) Rate limit hit");
        assertThat(tooFast.error().path("error_data").path("details").asString())
                .isEqualTo("Cloud API message throughput has been reached.");

        clock.advance(Duration.ofSeconds(1));
        assertThat(sendTo(PlannedStatuses.customerEndingIn("5678"), "aviso").status())
                .isEqualTo(200);
    }

    @Test
    void aBurstToOneCustomerBeyondItsQuotaGets131056AndTheQuotaComesBackOneMessageEverySixSeconds() {
        String customer = PlannedStatuses.customerEndingIn("1234");
        for (int i = 0; i < SendingRates.PAIR_BURST; i++) {
            assertThat(sendTo(customer, "aviso").status()).isEqualTo(200);
            // Keeps the number under its messages per second: only the pair rate is at stake.
            clock.advance(Duration.ofMillis(100));
        }

        Graph.Answer tooMany = sendTo(customer, "aviso");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.code()).isEqualTo(131056);
        assertThat(sendTo(PlannedStatuses.customerEndingIn("4321"), "aviso").status())
                .as("another customer of the same number")
                .isEqualTo(200);

        clock.advance(SendingRates.PAIR_REFILL);
        assertThat(sendTo(customer, "aviso").status()).isEqualTo(200);
        assertThat(sendTo(customer, "aviso").code()).isEqualTo(131056);
    }

    @Test
    void aNumberPausedForQualityGets131048UntilItIsResumed() {
        meta.pauseForQuality(scene.phone().id(), true);

        Graph.Answer paused = sendTo(PlannedStatuses.customerEndingIn("1234"), "aviso");

        assertThat(paused.status()).isEqualTo(400);
        assertThat(paused.code()).isEqualTo(131048);
        assertThat(paused.message()).isEqualTo("(#131048) Spam rate limit hit");
        assertThat(paused.error().path("error_data").path("details").asString()).contains("flagged as spam");

        meta.pauseForQuality(scene.phone().id(), false);
        assertThat(sendTo(PlannedStatuses.customerEndingIn("1234"), "aviso").status())
                .isEqualTo(200);
    }

    @Test
    void aWabaWhoseMarketingIsHeldGetsItsMarketingSendsAcceptedAsHeldForQualityAssessment() {
        meta.holdMarketing(scene.waba().id(), true);

        assertThat(messageStatus(sendTo(PlannedStatuses.customerEndingIn("1234"), "oferta")))
                .isEqualTo("held_for_quality_assessment");
        assertThat(messageStatus(sendTo(PlannedStatuses.customerEndingIn("1234"), "aviso")))
                .isEqualTo("accepted");

        meta.holdMarketing(scene.waba().id(), false);
        assertThat(messageStatus(sendTo(PlannedStatuses.customerEndingIn("1234"), "oferta")))
                .isEqualTo("accepted");
    }

    private static String messageStatus(Graph.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().path("messages").get(0).path("message_status").asString();
    }

    private Graph.Answer sendTo(String customer, String template) {
        return graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                message(customer, send(template, List.of(texts("body", "Ana"))), null));
    }

    /** A send counts when it reaches the node, not after the node's other filters and its routing got to it. */
    @Test
    void graphRequestsAreStampedBeforeAnyOtherFilterOfTheNode() {
        assertThat(graphArrival.getOrder()).isEqualTo(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        assertThat(graphArrival.getUrlPatterns()).containsExactly("/sandbox/graph/*");
    }
}
