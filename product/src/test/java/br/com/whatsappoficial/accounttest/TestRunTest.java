package br.com.whatsappoficial.accounttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.whatsappoficial.account.BrazilianPhoneNumber;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestRunTest {

    static final Instant START = Instant.parse("2026-12-04T20:00:00Z");
    static final BrazilianPhoneNumber MERCHANT = BrazilianPhoneNumber.parse("(11) 91234-5678");

    TestRun run = TestRun.start("1000", MERCHANT, START, Duration.ofMinutes(10));

    @Test
    void startsRunningWithEveryStepPending() {
        assertThat(run.verdict()).isEqualTo(RunVerdict.RUNNING);
        assertThat(run.steps()).allMatch(StepResult::pending).hasSize(TestStep.values().length);
        assertThat(run.deadline()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        assertThat(run.code().value()).matches("TESTE-[2-9A-Z]{6}");
    }

    @Test
    void refusesAChecksOutOfOrder() {
        assertThatThrownBy(() -> run.checkPassed(TestStep.NUMBER, START)).isInstanceOf(StepOutOfOrder.class);
        assertThatThrownBy(() -> run.checkPassed(TestStep.SENT, START)).isInstanceOf(StepOutOfOrder.class);
    }

    @Test
    void refusesTheTemplateBeforeEveryCheckPassed() {
        run.checkPassed(TestStep.TOKEN, START);
        assertThatThrownBy(() -> run.templateQueued("m1", "pedido", START)).isInstanceOf(StepOutOfOrder.class);
    }

    @Test
    void aFailedCheckEndsTheRunAndSkipsTheRest() {
        run.checkPassed(TestStep.TOKEN, START);
        run.checkFailed(TestStep.NUMBER, StepResult.Failure.of("accounttest.reason.number-status", "PENDING"), START);

        assertThat(run.verdict()).isEqualTo(RunVerdict.FAILED);
        assertThat(run.culprit()).contains(TestStep.NUMBER);
        assertThat(run.step(TestStep.NUMBER).arguments()).containsExactly("PENDING");
        assertThat(run.step(TestStep.WEBHOOKS).state()).isEqualTo(StepState.SKIPPED);
        assertThat(run.step(TestStep.INBOUND).state()).isEqualTo(StepState.SKIPPED);
        assertThatThrownBy(() -> run.checkPassed(TestStep.WEBHOOKS, START)).isInstanceOf(StepOutOfOrder.class);
    }

    @Test
    void passesWhenTheTemplateIsReadAndTheCodeCameBack() {
        sent();
        assertThat(run.statusReported("sent", null, START.plusSeconds(2))).isTrue();
        assertThat(run.statusReported("delivered", null, START.plusSeconds(3))).isTrue();
        assertThat(run.codeReceived(START.plusSeconds(20))).isTrue();
        assertThat(run.verdict()).isEqualTo(RunVerdict.RUNNING);
        assertThat(run.statusReported("read", null, START.plusSeconds(30))).isTrue();

        assertThat(run.verdict()).isEqualTo(RunVerdict.PASSED);
        assertThat(run.finishedAt()).isEqualTo(START.plusSeconds(30));
        assertThat(run.culprit()).isEmpty();
        assertThat(run.step(TestStep.SENT).elapsed()).isEqualTo(Duration.ofSeconds(1));
        assertThat(run.step(TestStep.READ).elapsed()).isEqualTo(Duration.ofSeconds(29));
        assertThat(run.step(TestStep.INBOUND).elapsed()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aReadProvesTheStatusesThatCameLateOrNever() {
        sent();
        run.statusReported("read", null, START.plusSeconds(5));

        assertThat(run.step(TestStep.SENT).state()).isEqualTo(StepState.PASSED);
        assertThat(run.step(TestStep.DELIVERED).state()).isEqualTo(StepState.PASSED);
        assertThat(run.statusReported("delivered", null, START.plusSeconds(6))).isFalse();
        assertThat(run.statusReported("read", null, START.plusSeconds(7))).isFalse();
        assertThat(run.statusReported("played", null, START.plusSeconds(7))).isFalse();
    }

    @Test
    void aFailedStatusFailsTheFirstUnprovenStepWithMetasError() {
        sent();
        run.statusReported("sent", null, START.plusSeconds(2));
        run.statusReported(
                "failed",
                StepResult.Failure.of("accounttest.reason.meta-error", "131026", "Undeliverable"),
                START.plusSeconds(3));

        assertThat(run.verdict()).isEqualTo(RunVerdict.FAILED);
        assertThat(run.culprit()).contains(TestStep.DELIVERED);
        assertThat(run.step(TestStep.DELIVERED).arguments()).containsExactly("131026", "Undeliverable");
    }

    @Test
    void aRefusedSendFailsTheRun() {
        checked();
        run.templateRefused(StepResult.Failure.of("accounttest.reason.no-template"), START);

        assertThat(run.verdict()).isEqualTo(RunVerdict.FAILED);
        assertThat(run.culprit()).contains(TestStep.SENT);
    }

    @Test
    void timesOutAtItsDeadlineNamingTheFirstStepThatNeverFinished() {
        sent();
        run.statusReported("delivered", null, START.plusSeconds(3));

        assertThat(run.expire(START.plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(run.expire(START.plus(Duration.ofMinutes(10)))).isTrue();

        assertThat(run.verdict()).isEqualTo(RunVerdict.TIMED_OUT);
        assertThat(run.culprit()).contains(TestStep.READ);
        assertThat(run.step(TestStep.INBOUND).reason()).isEqualTo("accounttest.reason.never-finished");
        assertThat(run.codeReceived(START.plus(Duration.ofMinutes(11)))).isFalse();
        assertThat(run.expire(START.plus(Duration.ofMinutes(12)))).isFalse();
    }

    @Test
    void findsItsCodeInTheCustomersMessageWhateverTheCase() {
        assertThat(InboundCode.foundIn("Oi! " + run.code().value().toLowerCase()))
                .contains(run.code());
        assertThat(InboundCode.foundIn("TESTE-0O1I")).isEmpty();
    }

    private void checked() {
        run.checkPassed(TestStep.TOKEN, START);
        run.checkPassed(TestStep.NUMBER, START);
        run.checkPassed(TestStep.WEBHOOKS, START);
    }

    private void sent() {
        checked();
        run.templateQueued("m1", "pedido", START.plusSeconds(1));
    }
}
