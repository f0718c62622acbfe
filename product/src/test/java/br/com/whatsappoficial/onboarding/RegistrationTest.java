package br.com.whatsappoficial.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegistrationTest {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void registersRightAfterTheAppIsSubscribedWithoutWaitingForTheNameReview() {
        Registration.Move move = in(RegistrationState.SUBSCRIBE_APP).appSubscribed(NOW);

        assertThat(move.to()).isEqualTo(RegistrationState.REGISTER);
        assertThat(move.next()).isEqualTo(NOW);
        assertThat(move.attempts()).isZero();
    }

    @Test
    void aRowLeftWaitingForTheNameApprovalIsRegisteredLikeAnyOther() {
        assertThat(in(RegistrationState.AWAIT_APPROVAL).registered().to()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(in(RegistrationState.AWAIT_APPROVAL)
                        .awaitVerification(NOW, null, null)
                        .to())
                .isEqualTo(RegistrationState.REGISTER);
        assertThat(in(RegistrationState.AWAIT_APPROVAL).retry(NOW, 1, "x").to()).isEqualTo(RegistrationState.REGISTER);
    }

    @Test
    void aCodeConfirmedOnOurScreenRegistersNowKeepingTheAttempts() {
        Registration waiting = new Registration(
                "106540352242922",
                "524126980791429",
                RegistrationState.REGISTER,
                2,
                NOW.plusSeconds(300),
                133006,
                "verify first",
                null);

        Registration.Move move = waiting.codeVerified(NOW);

        assertThat(move.to()).isEqualTo(RegistrationState.REGISTER);
        assertThat(move.next()).isEqualTo(NOW);
        assertThat(move.attempts()).isEqualTo(2);
        assertThat(move.errorCode()).isNull();
    }

    @Test
    void aCodeConfirmedBeforeTheAppIsSubscribedMovesNothing() {
        assertThatThrownBy(() -> in(RegistrationState.SUBSCRIBE_APP).codeVerified(NOW))
                .isInstanceOf(IllegalRegistrationMove.class);
    }

    @Test
    void nothingMovesTheStateMachineBackToWaitingForTheNameApproval() {
        for (RegistrationState state : RegistrationState.values()) {
            assertThat(state.next()).doesNotContain(RegistrationState.AWAIT_APPROVAL);
        }
    }

    @Test
    void aNumberIsRegisteredOnlyFromTheRegisterStep() {
        assertThatThrownBy(() -> in(RegistrationState.SUBSCRIBE_APP).registered())
                .isInstanceOf(IllegalRegistrationMove.class)
                .hasMessageContaining("SUBSCRIBE_APP to REGISTERED");
    }

    @Test
    void theAppIsSubscribedOnlyOnce() {
        assertThatThrownBy(() -> in(RegistrationState.REGISTER).appSubscribed(NOW))
                .isInstanceOf(IllegalRegistrationMove.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = RegistrationState.class,
            names = {"REGISTERED", "FAILED"})
    void aFinishedRegistrationNeverMovesAgain(RegistrationState finished) {
        Registration registration = in(finished);

        assertThatThrownBy(() -> registration.retry(NOW, 1, "x")).isInstanceOf(IllegalRegistrationMove.class);
        assertThatThrownBy(() -> registration.failed(1, "x")).isInstanceOf(IllegalRegistrationMove.class);
        assertThatThrownBy(() -> registration.awaitReconnection(false, null, null))
                .isInstanceOf(IllegalRegistrationMove.class);
    }

    @Test
    void onlyARegistrationWaitingForTheMerchantResumesOnAReconnection() {
        Registration.Move resumed = in(RegistrationState.AWAIT_RECONNECTION).reconnected(NOW);
        assertThat(resumed.to()).isEqualTo(RegistrationState.REGISTER);
        assertThat(resumed.attempts()).isZero();
        assertThat(resumed.next()).isEqualTo(NOW);
        assertThatThrownBy(() -> in(RegistrationState.REGISTER).reconnected(NOW))
                .isInstanceOf(IllegalRegistrationMove.class);
    }

    @Test
    void aRetryCountsTheAttemptAndKeepsTheError() {
        Registration.Move move = in(RegistrationState.REGISTER).retry(NOW, 131000, "(#131000) boom");

        assertThat(move.to()).isEqualTo(RegistrationState.REGISTER);
        assertThat(move.attempts()).isEqualTo(3);
        assertThat(move.errorCode()).isEqualTo(131000);
    }

    private static Registration in(RegistrationState state) {
        return new Registration("106540352242922", "524126980791429", state, 2, NOW, null, null, null);
    }

    @Test
    void aNumberOnTheBusinessAppAsksForTheAppsDataInsteadOfRegistering() {
        Registration onApp = onBusinessApp(RegistrationState.SUBSCRIBE_APP);

        assertThat(onApp.appSubscribed(NOW).to()).isEqualTo(RegistrationState.SYNC_APP_DATA);
        assertThat(onBusinessApp(RegistrationState.SYNC_APP_DATA)
                        .appDataRequested()
                        .to())
                .isEqualTo(RegistrationState.REGISTERED);
        assertThat(onBusinessApp(RegistrationState.SYNC_APP_DATA)
                        .retry(NOW, 2, "(#2) down")
                        .to())
                .isEqualTo(RegistrationState.SYNC_APP_DATA);
        assertThat(onBusinessApp(RegistrationState.AWAIT_RECONNECTION)
                        .reconnected(NOW)
                        .to())
                .isEqualTo(RegistrationState.SYNC_APP_DATA);
    }

    @Test
    void aNumberOnTheBusinessAppIsNeverMovedByTheRegisterStep() {
        assertThatThrownBy(() -> onBusinessApp(RegistrationState.REGISTER).registered())
                .isInstanceOf(IllegalRegistrationMove.class);
        assertThatThrownBy(() -> in(RegistrationState.REGISTER).appDataRequested())
                .isInstanceOf(IllegalRegistrationMove.class);
    }

    private static Registration onBusinessApp(RegistrationState state) {
        return new Registration("106540352242925", "524126980791429", state, 0, NOW, null, null, null, true);
    }
}
