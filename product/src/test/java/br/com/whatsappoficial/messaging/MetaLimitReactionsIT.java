package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.metasandbox.SandboxFault;
import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.SendingPause;
import br.com.whatsappoficial.account.SendingPauses;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.template.TemplateCategory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Meta's refusals about the number rather than the message, through the sandbox: a spam limit (131048) or a
 * policy block (368) pauses the number, its queued messages wait until an admin resumes it; a revoked token
 * (190) asks for a reconnection; Meta's per-user marketing limit (131049) fails the message and holds the
 * customer's marketing back for 24 h; a marketing template Meta holds keeps Meta's status in its timeline.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@Import(SendingStores.class)
@TestPropertySource(
        properties = {
            "messaging.outbox-poll=100ms",
            "messaging.retry-delay=200ms",
            "account.reconciliation-poll=1h",
            "template.sync-poll=1h"
        })
class MetaLimitReactionsIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    SendingStores stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    SendingPauses pauses;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    MessageDispatch dispatch;

    @Autowired
    NumberPace pace;

    @Autowired
    MessageRows rows;

    @Autowired
    PausedNumbers paused;

    @Autowired
    ClaimedNumbers claimed;

    @Autowired
    MessagingSettings settings;

    @Autowired
    SendingTokens sendingTokens;

    @Autowired
    br.com.whatsappoficial.meta.GraphTokens graphTokens;

    @Autowired
    java.time.Clock clock;

    Shop shop;

    @BeforeEach
    void aConnectedStoreWithAnApprovedTemplate() {
        shop = stores.connected("pausas");
        stores.approvedTemplate(
                shop, "pedido_enviado", "Olá {{1}}, seu pedido {{2}} saiu para entrega.", Map.of("1", "Ana", "2", "1"));
    }

    @AfterEach
    void noFaults() {
        sandbox.clearFaults();
    }

    @Test
    void aSpamLimitPausesTheNumberItsQueuedMessagesWaitAndGoOutOnceAnAdminResumesIt() throws Exception {
        sandbox.pauseForQuality(shop.phone().id(), true);

        String refused = id(engine().send(template(customer())).andExpect(status().isAccepted()));
        SendingPause pause = awaitPause();
        assertThat(pause.metaCode()).isEqualTo(131048);
        String queuedDuringPause = id(engine().send(template(customer())).andExpect(status().isAccepted()));

        // Neither failed nor sent: both wait in the outbox for the pause's end, without an attempt counted.
        for (String id : List.of(refused, queuedDuringPause)) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> dueAt(id).isAfter(Instant.now().plus(Duration.ofHours(23))));
            engine().read(id).andExpect(jsonPath("$.status").value("queued"));
        }
        assertThat(sandbox.sentMessages(shop.phone().id())).isEmpty();

        sandbox.pauseForQuality(shop.phone().id(), false);
        CurrentStore.runAs(shop.store(), () -> pauses.resume(shop.phone().id()));

        for (String id : List.of(refused, queuedDuringPause)) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            engine().read(id).andExpect(jsonPath("$.status").value("read")));
        }
        assertThat(CurrentStore.callAs(
                        shop.store(), () -> pauses.current(shop.phone().id(), Instant.now())))
                .isEmpty();
    }

    /**
     * Two nodes send for the number: this context's outbox worker and a second one with its own senders and
     * its own memory of the number's last sends, as another node has. Whichever hears Meta's 131048, the
     * pause is the other's too (it lives in the database), nothing goes out while it lasts, and after the
     * resume every message goes out once.
     */
    @Test
    void aPauseHeardOnOneNodeHoldsTheNumberOnTheOtherAndEachMessageGoesOutOnce() throws Exception {
        OutboxWorker otherNode =
                new OutboxWorker(outbox, dispatch, pace, accounts, rows, paused, claimed, settings, clock);
        // The other node polls its outbox as a node's scheduler does; a failed poll is tried at the next one.
        java.util.concurrent.ScheduledExecutorService otherNodeScheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        otherNodeScheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        otherNode.work();
                    } catch (InterruptedException stopping) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException ignored) {
                        // the next poll tries again
                    }
                },
                0,
                50,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            sandbox.pauseForQuality(shop.phone().id(), true);
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(id(engine().send(template(customer())).andExpect(status().isAccepted())));
            }
            assertThat(awaitPause().metaCode()).isEqualTo(131048);

            // Both nodes keep polling; the messages wait for the pause's end on both. Meta would take them
            // again now: only the product's pause holds them, until an admin resumes it.
            for (String id : ids) {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> dueAt(id).isAfter(Instant.now().plus(Duration.ofHours(23))));
            }
            sandbox.pauseForQuality(shop.phone().id(), false);
            // Queued during the pause: due at once, so whichever node claims them must hold them.
            for (int i = 0; i < 4; i++) {
                ids.add(id(engine().send(template(customer())).andExpect(status().isAccepted())));
            }
            Awaitility.await()
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> sandbox.sentMessages(shop.phone().id()).isEmpty());

            CurrentStore.runAs(shop.store(), () -> pauses.resume(shop.phone().id()));

            for (String id : ids) {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .untilAsserted(() ->
                                engine().read(id).andExpect(jsonPath("$.status").value("read")));
            }
            assertThat(sandbox.sentMessages(shop.phone().id()))
                    .extracting(br.com.metasandbox.SandboxSentMessage::bizOpaqueCallbackData)
                    .containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            otherNodeScheduler.shutdownNow();
            otherNodeScheduler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aPolicyBlockPausesTheNumberToo() throws Exception {
        sandbox.setFault("messages", SandboxFault.graphError(368));

        String id = id(engine().send(template(customer())).andExpect(status().isAccepted()));

        assertThat(awaitPause().metaCode()).isEqualTo(368);
        engine().read(id).andExpect(jsonPath("$.status").value("queued"));
    }

    @Test
    void aRevokedTokenFailsTheMessageAndAsksForAReconnection() throws Exception {
        sandbox.revokeTokens(shop.business().id());

        String id = id(engine().send(template(customer())).andExpect(status().isAccepted()));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> engine().read(id)
                        .andExpect(jsonPath("$.status").value("failed"))
                        .andExpect(jsonPath("$.error.code").value("number_not_ready")));
        assertThat(CurrentStore.callAs(
                        shop.store(), () -> accounts.numbersByWaba().keySet()))
                .singleElement()
                .satisfies(waba -> assertThat(waba.needsReconnection()).isTrue());
    }

    /**
     * A node sends with the token it read a moment ago; the merchant connected again meanwhile and Meta
     * refuses the old token. The new token is not revoked for it, and the message goes out with the new one.
     */
    @Test
    void aTokenReplacedMeanwhileIsNotRevokedForTheOldOnesRefusal() throws Exception {
        CurrentStore.runAs(shop.store(), () -> sendingTokens.of(shop.waba().id()));
        sandbox.revokeTokens(shop.business().id());
        BusinessToken replaced =
                graphTokens.exchangeCode(sandbox.issueCode(shop.business().id()));
        CurrentStore.runAs(shop.store(), () -> accounts.reauthorize(shop.waba().id(), replaced, null));

        String id = id(engine().send(template(customer())).andExpect(status().isAccepted()));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(sandbox.sentMessages(shop.phone().id())).hasSize(1));
        // sent with the kept token first (refused), then with the new one
        assertThat(jdbc.sql("select attempts from messaging_messages where message_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(CurrentStore.callAs(
                        shop.store(), () -> accounts.numbersByWaba().keySet()))
                .singleElement()
                .satisfies(waba -> assertThat(waba.needsReconnection()).isFalse());
    }

    @Test
    void onlyTheRefusedTokenIsRevoked() {
        BusinessToken current = CurrentStore.callAs(
                        shop.store(), () -> accounts.businessToken(shop.waba().id()))
                .orElseThrow();

        assertThat(CurrentStore.callAs(
                        shop.store(), () -> accounts.tokenRevoked(shop.waba().id(), new BusinessToken("EAAG-outro"))))
                .isFalse();
        assertThat(CurrentStore.callAs(
                        shop.store(), () -> accounts.businessToken(shop.waba().id())))
                .contains(current);
        assertThat(CurrentStore.callAs(
                        shop.store(), () -> accounts.tokenRevoked(shop.waba().id(), current)))
                .isTrue();
        assertThat(CurrentStore.callAs(
                        shop.store(), () -> accounts.businessToken(shop.waba().id())))
                .isEmpty();
    }

    @Test
    void aMarketingTemplateMetaHoldsKeepsMetasStatusInItsTimeline() throws Exception {
        stores.approvedTemplate(
                shop,
                "oferta_semana",
                TemplateCategory.MARKETING,
                "Oferta da semana para você, {{1}}!",
                Map.of("1", "Ana"));
        sandbox.holdMarketing(shop.waba().id(), true);

        String id = id(engine().send("""
                        {"to": "%s", "template": {"name": "oferta_semana", "parameters": ["Ana"]}}""".formatted(customer())).andExpect(status().isAccepted()));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> engine().read(id)
                        .andExpect(jsonPath("$.timeline[*].status")
                                .value(org.hamcrest.Matchers.hasItem("held_for_quality_assessment"))));
    }

    @Test
    void metasPerUserMarketingLimitFailsTheMessageAndRefusesMoreMarketingToThatCustomerFor24Hours() throws Exception {
        stores.approvedTemplate(
                shop,
                "oferta_semana",
                TemplateCategory.MARKETING,
                "Oferta da semana para você, {{1}}!",
                Map.of("1", "Ana"));
        // The sandbox's delivery rule: a customer whose number ends in 1049 gets a failed status with 131049.
        String customer = "+55 11 9" + SendingStores.plainEightDigits().substring(0, 4) + "-1049";
        String offer = """
                {"to": "%s", "template": {"name": "oferta_semana", "parameters": ["Ana"]}}""".formatted(customer);

        String id = id(engine().send(offer).andExpect(status().isAccepted()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> engine().read(id)
                        .andExpect(jsonPath("$.status").value("failed"))
                        .andExpect(jsonPath("$.error.metaCode").value(131049)));

        engine().send(offer)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("marketing_held_back"))
                .andExpect(jsonPath("$.retryAfter").isNotEmpty());
        engine().send(template(customer)).andExpect(status().isAccepted());
        engine().send(offer.replace("-1049", "-2049")).andExpect(status().isAccepted());
    }

    private SendingPause awaitPause() {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> CurrentStore.callAs(
                                shop.store(), () -> pauses.current(shop.phone().id(), Instant.now())),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private Instant dueAt(String id) {
        return jdbc.sql("select due_at from messaging_outbox where message_id = :id")
                .param("id", UUID.fromString(id))
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant)
                .orElse(Instant.EPOCH);
    }

    private static String template(String to) {
        return """
                {"to": "%s", "template": {"name": "pedido_enviado", "parameters": ["Ana", "123"]}}""".formatted(to);
    }

    private static String customer() {
        String digits = SendingStores.plainEightDigits();
        return "+55 11 9" + digits.substring(0, 4) + "-" + digits.substring(4);
    }

    private CampaignEngine engine() {
        return new CampaignEngine(mvc, shop.key(), port);
    }

    private static String id(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return CampaignEngine.id(result);
    }
}
