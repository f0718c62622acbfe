package br.com.whatsappoficial.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetaSignalsTest {

    static final MetaSignals APPROVED =
            new MetaSignals("VERIFIED", "CONNECTED", "APPROVED", null, "APPROVED", "AVAILABLE", null, null, null);

    @Test
    void aNumberJustOutOfSignupIsUnderReviewNotDisconnected() {
        StatusVerdict verdict = MetaSignals.afterSignup().verdict();

        assertThat(verdict.status()).isEqualTo(IntegrationStatus.EM_ANALISE);
        assertThat(verdict.reason()).isEqualTo(StatusReason.DISPLAY_NAME_UNDER_REVIEW);
    }

    @Test
    void connectedWithApprovedNameAndAccountIsAtiva() {
        assertThat(APPROVED.verdict().reason()).isEqualTo(StatusReason.APPROVED);
        assertThat(APPROVED.verdict().status()).isEqualTo(IntegrationStatus.ATIVA);
    }

    @Test
    void nameWithoutReviewCountsAsApproved() {
        var signals = new MetaSignals(
                "VERIFIED", "CONNECTED", "AVAILABLE_WITHOUT_REVIEW", null, null, null, null, null, null);
        assertThat(signals.verdict().status()).isEqualTo(IntegrationStatus.ATIVA);
    }

    @Test
    void approvedNameWaitsForRegistration() {
        var signals = new MetaSignals("VERIFIED", "PENDING", "APPROVED", null, "APPROVED", "LIMITED", null, null, null);
        assertThat(signals.verdict().reason()).isEqualTo(StatusReason.REGISTRATION_PENDING);
        assertThat(signals.verdict().status()).isEqualTo(IntegrationStatus.EM_ANALISE);
    }

    @Test
    void rejectedNameIsReprovadaWithMetasReason() {
        var signals = new MetaSignals(
                "VERIFIED", "PENDING", "DECLINED", "NAME_FORMAT_UNACCEPTABLE", "APPROVED", "LIMITED", null, null, null);

        StatusVerdict verdict = signals.verdict();
        assertThat(verdict.status()).isEqualTo(IntegrationStatus.REPROVADA);
        assertThat(verdict.reason()).isEqualTo(StatusReason.DISPLAY_NAME_REJECTED);
        assertThat(verdict.detail()).isEqualTo("NAME_FORMAT_UNACCEPTABLE");
    }

    @Test
    void rejectedAccountReviewIsReprovada() {
        var signals =
                new MetaSignals("VERIFIED", "CONNECTED", "APPROVED", null, "REJECTED", "AVAILABLE", null, null, null);
        assertThat(signals.verdict().reason()).isEqualTo(StatusReason.ACCOUNT_REVIEW_REJECTED);
    }

    @Test
    void blockedHealthIsReprovadaWithMetasDescription() {
        var signals = new MetaSignals(
                "VERIFIED", "CONNECTED", "APPROVED", null, "APPROVED", "BLOCKED", "Payment method missing", null, null);
        assertThat(signals.verdict().reason()).isEqualTo(StatusReason.SENDING_BLOCKED);
        assertThat(signals.verdict().detail()).isEqualTo("Payment method missing");
    }

    @Test
    void anUnregisteredNumberBlockedByMetaIsStillUnderReview() {
        var signals = new MetaSignals(
                "VERIFIED",
                "PENDING",
                "APPROVED",
                null,
                "APPROVED",
                "BLOCKED",
                "Phone number not registered",
                null,
                null);
        assertThat(signals.verdict().reason()).isEqualTo(StatusReason.REGISTRATION_PENDING);
    }

    @Test
    void aDisabledAccountWinsOverEverythingElse() {
        var signals = new MetaSignals(
                "VERIFIED", "CONNECTED", "APPROVED", null, "APPROVED", "AVAILABLE", null, "DISABLE", null);
        assertThat(signals.verdict().reason()).isEqualTo(StatusReason.ACCOUNT_DISABLED);
    }

    @Test
    void unverifiedNumberIsPendingVerification() {
        var signals = new MetaSignals(
                "NOT_VERIFIED", "PENDING", "PENDING_REVIEW", null, "PENDING", "LIMITED", null, null, null);
        assertThat(signals.verdict().reason()).isEqualTo(StatusReason.NUMBER_NOT_VERIFIED);
    }

    @Test
    void pendingAccountReviewKeepsTheNumberUnderReview() {
        var signals =
                new MetaSignals("VERIFIED", "CONNECTED", "APPROVED", null, "PENDING", "AVAILABLE", null, null, null);
        assertThat(signals.verdict().reason()).isEqualTo(StatusReason.ACCOUNT_UNDER_REVIEW);
    }

    @Test
    void unknownValuesFromMetaDoNotCrashAndDoNotApprove() {
        var signals =
                new MetaSignals("SOMETHING_NEW", "NEW_STATE", "NEW_NAME_STATE", null, "NEW", "NEW", null, null, null);
        assertThat(signals.verdict().status()).isEqualTo(IntegrationStatus.EM_ANALISE);
    }

    @Test
    void aNumberThatLeftCloudApiIsDisconnectedWhateverElseMetaSaid() {
        MetaSignals offboarded = new MetaSignals(
                "VERIFIED", "CONNECTED", "APPROVED", null, "APPROVED", "AVAILABLE", null, null, "ACCOUNT_OFFBOARDED");
        MetaSignals removed = new MetaSignals(
                "VERIFIED", "CONNECTED", "APPROVED", null, "APPROVED", "AVAILABLE", null, null, "PARTNER_REMOVED");

        assertThat(offboarded.verdict().reason()).isEqualTo(StatusReason.LEFT_BUSINESS_APP);
        assertThat(removed.verdict().reason()).isEqualTo(StatusReason.PARTNER_REMOVED);
        assertThat(offboarded.verdict().status()).isEqualTo(IntegrationStatus.DESCONECTADA);
        assertThat(offboarded.verdict().status().sends()).isFalse();
        assertThat(APPROVED.verdict().status().sends()).isTrue();
    }
}
