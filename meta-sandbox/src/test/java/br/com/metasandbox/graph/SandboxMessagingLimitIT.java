package br.com.metasandbox.graph;

import static br.com.metasandbox.SandboxTemplateFixtures.message;
import static br.com.metasandbox.SandboxTemplateFixtures.send;
import static br.com.metasandbox.SandboxTemplateFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.PlannedStatuses;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.SandboxTemplateFixtures;
import br.com.metasandbox.SandboxWaba;
import br.com.metasandbox.TestClock;
import br.com.metasandbox.state.PortfolioReach;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.WaId;
import br.com.metasandbox.webhooks.WebhookDeliveries;
import br.com.testsupport.PostgresIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The portfolio's messaging limit: unique customers reached outside their window in a rolling 24 h, shared by the
 * portfolio's numbers; beyond it the API accepts the send and a failed status follows (the sandbox's 131048).
 */
@PostgresIntegrationTest
@Import(TestClock.Configuration.class)
class SandboxMessagingLimitIT {

    @Autowired
    SandboxMeta meta;

    @Autowired
    PortfolioReach reach;

    @Autowired
    SandboxAccounts accounts;

    @Autowired
    MessagingLimits limits;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

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
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void atTheLimitANewCustomerOutsideTheWindowIsAcceptedThenFailsWith131048() {
        List<String> reached = reachedAlready(250);
        String newcomer = PlannedStatuses.customerEndingIn("1234");

        Graph.Answer beyond = sendTo(scene, newcomer);

        assertThat(beyond.status()).as(beyond.body().toString()).isEqualTo(200);
        assertThat(beyond.body().path("messages").get(0).path("message_status").asString())
                .isEqualTo("accepted");
        List<PlannedStatuses.Status> statuses = statusesOf(scene, beyond);
        assertThat(PlannedStatuses.names(statuses)).containsExactly("failed");
        assertThat(statuses.getFirst()
                        .entry()
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asInt())
                .isEqualTo(131048);
        assertThat(statuses.getFirst()
                        .entry()
                        .path("errors")
                        .get(0)
                        .path("error_data")
                        .path("details")
                        .asString())
                .contains("messaging limit");
        assertThat(usage()).isEqualTo(250);

        // Someone reached in the last 24 h costs nothing; a customer inside their window never counts.
        assertThat(PlannedStatuses.names(statusesOf(scene, sendTo(scene, "+" + reached.getFirst()))))
                .containsExactly("sent", "delivered", "read");
        String writing = PlannedStatuses.customerEndingIn("1234");
        meta.recordInbound(scene.phone().id(), writing);
        assertThat(PlannedStatuses.names(statusesOf(scene, sendTo(scene, writing))))
                .containsExactly("sent", "delivered", "read");
        assertThat(usage()).isEqualTo(250);
    }

    @Test
    void everyNumberOfThePortfolioSharesTheLimit() {
        reachedAlready(250);
        SandboxWaba otherWaba = meta.createWaba(scene.business().id(), "Loja Exemplo Filial");
        SandboxPhone otherPhone = meta.addPhone(otherWaba.id(), PlannedStatuses.customerEndingIn("4321"), "Filial");
        SandboxScene other = new SandboxScene(
                        scene.business(),
                        otherWaba,
                        otherPhone,
                        SandboxScene.exchange(meta, graph, scene.business().id()))
                .connected(meta, graph);
        SandboxTemplateFixtures.approved(
                meta,
                graph,
                other,
                SandboxTemplateFixtures.withBody("oferta", "MARKETING", "Oferta da semana para você, {{1}}!"));

        Graph.Answer beyond = sendTo(other, PlannedStatuses.customerEndingIn("1234"));

        assertThat(statusesOf(other, beyond)
                        .getFirst()
                        .entry()
                        .path("errors")
                        .get(0)
                        .path("code")
                        .asInt())
                .isEqualTo(131048);
    }

    @Test
    void eachCustomerCountsOnceOutsideTheWindowAndTheCountRollsOffAfter24Hours() {
        String customer = PlannedStatuses.customerEndingIn("1234");
        sendTo(scene, customer);
        sendTo(scene, customer);
        String writing = PlannedStatuses.customerEndingIn("1234");
        meta.recordInbound(scene.phone().id(), writing);
        sendTo(scene, writing);
        assertThat(usage()).isEqualTo(1);

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(usage()).isZero();
    }

    @Test
    void aFullPortfolioReachesNewCustomersAgain24HoursLaterOrOnAHigherTier() {
        reachedAlready(250);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(PlannedStatuses.names(statusesOf(scene, sendTo(scene, PlannedStatuses.customerEndingIn("1234")))))
                .containsExactly("sent", "delivered", "read");

        reachedAlready(250);
        meta.setMessagingLimit(scene.business().id(), "TIER_2K");
        assertThat(PlannedStatuses.names(statusesOf(scene, sendTo(scene, PlannedStatuses.customerEndingIn("1234")))))
                .containsExactly("sent", "delivered", "read");
    }

    /** The portfolio reached {@code count} customers outside their window just now; their wa_ids. */
    private List<String> reachedAlready(int count) {
        List<String> waIds = new ArrayList<>();
        // Distinct numbers: four random digits, then the customer's index (0000 to 0249, none a suffix rule).
        String prefix = PlannedStatuses.customerEndingIn("").substring(0, 10);
        for (int i = 0; i < count; i++) {
            String waId = WaId.fromRecipient(prefix + "%04d".formatted(i)).value();
            reach.record(scene.business().id(), waId, clock.instant());
            waIds.add(waId);
        }
        return waIds;
    }

    private int usage() {
        return limits.usage(accounts.business(scene.business().id()).orElseThrow(), clock.instant())
                .reached();
    }

    private static Graph.Answer sendTo(SandboxScene from, String customer, Graph graph) {
        return graph.postJson(
                "/" + from.phone().id() + "/messages",
                from.token(),
                message(customer, send("oferta", List.of(texts("body", "Ana"))), null));
    }

    private Graph.Answer sendTo(SandboxScene from, String customer) {
        Graph.Answer answer = sendTo(from, customer, graph);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer;
    }

    private List<PlannedStatuses.Status> statusesOf(SandboxScene from, Graph.Answer sent) {
        return PlannedStatuses.of(
                deliveries,
                from.waba().id(),
                sent.body().path("messages").get(0).path("id").asString());
    }
}
