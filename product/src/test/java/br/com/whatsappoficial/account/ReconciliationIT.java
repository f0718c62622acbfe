package br.com.whatsappoficial.account;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxPhone;
import br.com.metasandbox.SandboxWaba;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.meta.GraphPhones;
import br.com.whatsappoficial.meta.GraphTokens;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** A lost webhook does not leave a status behind: reconciliation reads Meta's fields again. */
@PostgresIntegrationTest
@TestPropertySource(properties = "account.reconciliation-poll=1h")
class ReconciliationIT {

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    StoreDirectory stores;

    @Autowired
    GraphTokens tokens;

    @Autowired
    GraphAccounts wabas;

    @Autowired
    GraphPhones phones;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    AccountSignals signals;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    JdbcClient jdbc;

    StoreId store;
    SandboxWaba waba;
    SandboxPhone phone;
    BusinessToken token;

    @BeforeEach
    void aConnectedNumberUnderReview() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        store = stores.create("Loja R " + run, "Rita", "rita-" + run + "@r.example", "senha-rita-1");
        SandboxBusiness business = sandbox.createBusiness("Loja R " + run);
        waba = sandbox.createWaba(business.id(), "Loja R");
        phone = sandbox.addPhone(
                waba.id(), "+553199" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "Loja R");
        sandbox.verifyPhone(phone.id());
        token = tokens.exchangeCode(sandbox.issueCode(business.id()));
        CurrentStore.runAs(
                store,
                () -> accounts.connect(new NewConnection(
                        business.id(),
                        wabas.account(token, waba.id()),
                        phones.phoneNumber(token, phone.id()),
                        token,
                        null)));
    }

    @Test
    void aRejectedReviewThatNoWebhookReportedStillTurnsTheNumberReprovada() {
        sandbox.setReview(waba.id(), "REJECTED");
        assertThat(verdict().status()).isEqualTo(IntegrationStatus.EM_ANALISE);

        makeDue();
        reconciliation.reconcileDue();

        assertThat(verdict().reason()).isEqualTo(StatusReason.ACCOUNT_REVIEW_REJECTED);
        assertThat(CurrentStore.callAs(
                        store, () -> accounts.overview().orElseThrow().timeline()))
                .extracting(TimelineEntry::kind)
                .contains(TimelineKind.ACCOUNT_REVIEWED);
    }

    @Test
    void aLateOlderNameDecisionDoesNotOverrideANewerOne() {
        String display = CurrentStore.callAs(
                store,
                () -> accounts.number(phone.id()).orElseThrow().number().e164().substring(1));
        Instant earlier = Instant.parse("2026-11-25T10:00:00Z");
        CurrentStore.runAs(store, () -> {
            signals.displayNameReviewed(waba.id(), display, "APPROVED", null, earlier.plusSeconds(60));
            signals.displayNameReviewed(waba.id(), display, "REJECTED", "NAME_NOT_CONSISTENT", earlier);
        });

        assertThat(CurrentStore.callAs(
                        store,
                        () -> accounts.number(phone.id())
                                .orElseThrow()
                                .signals()
                                .nameStatus()))
                .isEqualTo("APPROVED");
    }

    /**
     * Meta's name decisions reach several listeners at once: an older one that changes nothing must not
     * see the newer one's approval as its own change (found by the kill -9 test: two "approved" lines).
     */
    @Test
    void concurrentNameDecisionsPutOneApprovalOnTheTimeline() throws Exception {
        String display = CurrentStore.callAs(
                store,
                () -> accounts.number(phone.id()).orElseThrow().number().e164().substring(1));
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        try (ExecutorService listeners = Executors.newFixedThreadPool(5)) {
            List<Future<?>> decisions = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Instant decidedAt = at.plusSeconds(i);
                String decision = i == 4 ? "APPROVED" : "PENDING";
                decisions.add(listeners.submit(() -> CurrentStore.runAs(
                        store, () -> signals.displayNameReviewed(waba.id(), display, decision, null, decidedAt))));
            }
            for (Future<?> decision : decisions) {
                decision.get();
            }
        }

        assertThat(CurrentStore.callAs(
                        store, () -> accounts.overview().orElseThrow().timeline()))
                .extracting(TimelineEntry::kind)
                .containsOnlyOnce(TimelineKind.NAME_APPROVED);
    }

    @Test
    void aRevokedTokenAsksForReconnection() {
        sandbox.revokeTokens(businessOf());

        makeDue();
        reconciliation.reconcileDue();

        assertThat(CurrentStore.callAs(
                        store, () -> accounts.overview().orElseThrow().waba().needsReconnection()))
                .isTrue();
    }

    private String businessOf() {
        return jdbc.sql("select business_id from wabas where waba_id = :id")
                .param("id", waba.id())
                .query(String.class)
                .single();
    }

    private void makeDue() {
        jdbc.sql("update phone_numbers set next_sync_at = :past where phone_number_id = :id")
                .param("past", OffsetDateTime.now().minusMinutes(1))
                .param("id", phone.id())
                .update();
    }

    private StatusVerdict verdict() {
        return CurrentStore.callAs(
                store, () -> accounts.number(phone.id()).orElseThrow().verdict());
    }
}
