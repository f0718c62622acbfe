package br.com.whatsappoficial.accounttest;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.store.CurrentStore;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Testar a conta against the sandbox on PostgreSQL: a run goes green (checks, template read, code back), a
 * missing webhook subscription and a revoked token each fail their step with the reason, a run past its
 * deadline times out naming the step, and another store never sees a run.
 */
@PostgresIntegrationTest
@Import(SendingStores.class)
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class AccountTestIT {

    @Autowired
    SendingStores stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    GraphAccounts wabas;

    @Autowired
    AccountTests tests;

    @Autowired
    RunDeadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRunGoesGreenThroughTheSandbox() {
        Shop shop = TestedShops.ready(stores, accounts, wabas, "verde");
        String merchant = TestedShops.plainMobile();

        Instant started = Instant.now();
        TestRun run = CurrentStore.callAs(shop.store(), () -> tests.start(merchant));
        assertThat(run.checksPassed()).isTrue();
        assertThat(run.messageId()).isNotNull();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> step(shop, run, TestStep.READ) == StepState.PASSED);
        sandbox.customerSends(
                shop.phone().id(), merchant, "Marta", "Oi, " + run.code().value());
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> reload(shop, run).verdict() == RunVerdict.PASSED);

        TestRun passed = reload(shop, run);
        System.out.printf(
                "Testar a conta on the sandbox: sent %s, delivered %s, read %s after the send; code back %s after"
                        + " its message; whole run %d ms%n",
                passed.step(TestStep.SENT).elapsed(),
                passed.step(TestStep.DELIVERED).elapsed(),
                passed.step(TestStep.READ).elapsed(),
                Duration.between(
                        passed.step(TestStep.READ).at(),
                        passed.step(TestStep.INBOUND).at()),
                Duration.between(started, passed.finishedAt()).toMillis());
        assertThat(passed.steps()).allMatch(step -> step.state() == StepState.PASSED);
        assertThat(passed.templateName()).startsWith("teste_");
    }

    @Test
    void aMissingWebhookSubscriptionFailsItsStepWithTheReason() {
        Shop shop = TestedShops.ready(stores, accounts, wabas, "sem-webhook");
        CurrentStore.runAs(
                shop.store(),
                () -> wabas.unsubscribeApp(
                        accounts.businessToken(shop.waba().id()).orElseThrow(),
                        shop.waba().id()));

        TestRun run = CurrentStore.callAs(shop.store(), () -> tests.start(TestedShops.plainMobile()));

        assertThat(run.verdict()).isEqualTo(RunVerdict.FAILED);
        assertThat(run.culprit()).contains(TestStep.WEBHOOKS);
        assertThat(run.step(TestStep.WEBHOOKS).reason()).isEqualTo("accounttest.reason.webhooks-missing");
        assertThat(run.messageId()).isNull();
        assertThat(reload(shop, run).step(TestStep.SENT).state()).isEqualTo(StepState.SKIPPED);
    }

    @Test
    void aRevokedTokenFailsTheFirstCheckWithTheReason() {
        Shop shop = TestedShops.ready(stores, accounts, wabas, "token");
        sandbox.revokeTokens(shop.business().id());

        TestRun run = CurrentStore.callAs(shop.store(), () -> tests.start(TestedShops.plainMobile()));

        assertThat(run.culprit()).contains(TestStep.TOKEN);
        assertThat(reload(shop, run).step(TestStep.TOKEN).reason()).isEqualTo("accounttest.reason.token-invalid");
    }

    @Test
    void aRunPastItsDeadlineTimesOutNamingTheStepThatNeverFinished() {
        Shop shop = TestedShops.ready(stores, accounts, wabas, "prazo");
        TestRun run = CurrentStore.callAs(shop.store(), () -> tests.start(TestedShops.plainMobile()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> step(shop, run, TestStep.READ) == StepState.PASSED);
        jdbc.sql("update account_test_runs set deadline = started_at where run_id = :id")
                .param("id", run.id().value())
                .update();

        deadlines.expireOverdue();

        TestRun expired = reload(shop, run);
        assertThat(expired.verdict()).isEqualTo(RunVerdict.TIMED_OUT);
        assertThat(expired.culprit()).contains(TestStep.INBOUND);
    }

    @Test
    void anotherStoreNeverSeesARun() {
        Shop shop = TestedShops.ready(stores, accounts, wabas, "dona");
        Shop other = stores.connected("vizinha");
        TestRun run = CurrentStore.callAs(shop.store(), () -> tests.start(TestedShops.plainMobile()));

        assertThat(CurrentStore.callAs(other.store(), () -> tests.run(run.id())))
                .isEmpty();
        assertThat(CurrentStore.callAs(other.store(), () -> tests.latest())).isEmpty();
        assertThat(CurrentStore.callAs(other.store(), () -> tests.history(0, 10)))
                .isEmpty();
    }

    private StepState step(Shop shop, TestRun run, TestStep step) {
        return reload(shop, run).step(step).state();
    }

    private TestRun reload(Shop shop, TestRun run) {
        return CurrentStore.callAs(shop.store(), () -> tests.run(run.id()).orElseThrow());
    }
}
