package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.account.BrazilianPhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One run of Testar a conta and its rules: the checks pass in order, and a failed one ends the run; the
 * template goes only after every check passed; Meta's statuses (repeated, or out of order: a read proves
 * delivered and sent) only move steps forward; the customer's code may come back at any moment of the run;
 * the run passes when every step did, and times out, naming the first unfinished step, at its deadline.
 */
final class TestRun {

    // Its queries are public so that the page's expressions can read them; the class and its moves are not.

    private final TestRunId id;
    private final String phoneNumberId;
    private final BrazilianPhoneNumber merchantPhone;
    private final InboundCode code;
    private final Instant startedAt;
    private final Instant deadline;
    private final Map<TestStep, StepResult> steps;
    private @Nullable String messageId;
    private @Nullable String templateName;
    private @Nullable Instant sentAt;
    private RunVerdict verdict;
    private @Nullable Instant finishedAt;

    TestRun(
            TestRunId id,
            String phoneNumberId,
            BrazilianPhoneNumber merchantPhone,
            InboundCode code,
            Instant startedAt,
            Instant deadline,
            List<StepResult> steps,
            @Nullable String messageId,
            @Nullable String templateName,
            @Nullable Instant sentAt,
            RunVerdict verdict,
            @Nullable Instant finishedAt) {
        this.id = id;
        this.phoneNumberId = phoneNumberId;
        this.merchantPhone = merchantPhone;
        this.code = code;
        this.startedAt = startedAt;
        this.deadline = deadline;
        this.steps = new EnumMap<>(TestStep.class);
        Arrays.stream(TestStep.values()).forEach(step -> this.steps.put(step, StepResult.pending(step)));
        steps.forEach(result -> this.steps.put(result.step(), result));
        this.messageId = messageId;
        this.templateName = templateName;
        this.sentAt = sentAt;
        this.verdict = verdict;
        this.finishedAt = finishedAt;
    }

    static TestRun start(String phoneNumberId, BrazilianPhoneNumber merchantPhone, Instant now, Duration timeout) {
        return new TestRun(
                TestRunId.random(),
                phoneNumberId,
                merchantPhone,
                InboundCode.random(),
                now,
                now.plus(timeout),
                List.of(),
                null,
                null,
                null,
                RunVerdict.RUNNING,
                null);
    }

    /** A check at Meta passed; refused unless every check before it passed. */
    void checkPassed(TestStep step, Instant at) {
        requireNextCheck(step);
        steps.put(step, StepResult.passed(step, at, null));
    }

    /** A check at Meta failed: the run fails with its reason, and nothing after it is tried. */
    void checkFailed(TestStep step, StepResult.Failure failure, Instant at) {
        requireNextCheck(step);
        fail(step, failure, at);
    }

    /** The template was queued; refused before every check passed. */
    void templateQueued(String messageId, String templateName, Instant at) {
        requireRunning(TestStep.SENT);
        if (!checksPassed()) {
            throw new StepOutOfOrder(TestStep.SENT, "the checks have not all passed");
        }
        this.messageId = messageId;
        this.templateName = templateName;
        this.sentAt = at;
    }

    /** The template could not be queued (no approved template, budget used up, …): the run fails. */
    void templateRefused(StepResult.Failure failure, Instant at) {
        requireRunning(TestStep.SENT);
        fail(TestStep.SENT, failure, at);
    }

    /**
     * Meta reported a status of the template, which reached us at {@code receivedAt}. Answers whether
     * the run changed: statuses of a finished run, repeated ones and unknown ones change nothing.
     */
    boolean statusReported(String status, StepResult.@Nullable Failure failure, Instant receivedAt) {
        if (verdict.finished() || sentAt == null) {
            return false;
        }
        if ("failed".equals(status)) {
            TestStep first = firstPending(TestStep.Kind.OUTBOUND).orElse(TestStep.READ);
            fail(first, failure == null ? StepResult.Failure.of("accounttest.reason.failed") : failure, receivedAt);
            return true;
        }
        Optional<TestStep> proven = TestStep.ofStatus(status);
        if (proven.isEmpty() || !steps.get(proven.get()).pending()) {
            return false;
        }
        Duration elapsed = Duration.between(sentAt, receivedAt);
        for (TestStep step : TestStep.values()) {
            if (step.kind() == TestStep.Kind.OUTBOUND
                    && step.ordinal() <= proven.get().ordinal()
                    && steps.get(step).pending()) {
                steps.put(step, StepResult.passed(step, receivedAt, elapsed));
            }
        }
        concludeWhenAllPassed(receivedAt);
        return true;
    }

    /** The customer's message with this run's code reached us: the round trip is proven. */
    boolean codeReceived(Instant receivedAt) {
        if (verdict.finished() || !steps.get(TestStep.INBOUND).pending()) {
            return false;
        }
        steps.put(
                TestStep.INBOUND,
                StepResult.passed(TestStep.INBOUND, receivedAt, Duration.between(startedAt, receivedAt)));
        concludeWhenAllPassed(receivedAt);
        return true;
    }

    /** At or after the deadline a running run times out; its unfinished steps fail. Answers whether it did. */
    boolean expire(Instant now) {
        if (verdict.finished() || now.isBefore(deadline)) {
            return false;
        }
        for (TestStep step : TestStep.values()) {
            if (steps.get(step).pending()) {
                steps.put(
                        step, StepResult.failed(step, StepResult.Failure.of("accounttest.reason.never-finished"), now));
            }
        }
        verdict = RunVerdict.TIMED_OUT;
        finishedAt = now;
        return true;
    }

    /** The step the verdict speaks of: the failed one, or the first that never finished; empty when it passed. */
    public Optional<TestStep> culprit() {
        return Arrays.stream(TestStep.values())
                .filter(step -> steps.get(step).state() == StepState.FAILED)
                .findFirst();
    }

    public boolean checksPassed() {
        return Arrays.stream(TestStep.values())
                .filter(step -> step.kind() == TestStep.Kind.CHECK)
                .allMatch(step -> steps.get(step).state() == StepState.PASSED);
    }

    private void fail(TestStep failed, StepResult.Failure failure, Instant at) {
        steps.put(failed, StepResult.failed(failed, failure, at));
        for (TestStep step : TestStep.values()) {
            if (steps.get(step).pending()) {
                steps.put(step, steps.get(step).skipped());
            }
        }
        verdict = RunVerdict.FAILED;
        finishedAt = at;
    }

    private void concludeWhenAllPassed(Instant at) {
        if (steps.values().stream().allMatch(step -> step.state() == StepState.PASSED)) {
            verdict = RunVerdict.PASSED;
            finishedAt = at;
        }
    }

    private void requireNextCheck(TestStep step) {
        requireRunning(step);
        if (step.kind() != TestStep.Kind.CHECK) {
            throw new StepOutOfOrder(step, "not a check");
        }
        if (firstPending(TestStep.Kind.CHECK).filter(step::equals).isEmpty()) {
            throw new StepOutOfOrder(step, "not the next check");
        }
    }

    private void requireRunning(TestStep step) {
        if (verdict.finished()) {
            throw new StepOutOfOrder(step, "the run has ended");
        }
    }

    private Optional<TestStep> firstPending(TestStep.Kind kind) {
        return Arrays.stream(TestStep.values())
                .filter(step -> step.kind() == kind && steps.get(step).pending())
                .findFirst();
    }

    public TestRunId id() {
        return id;
    }

    public String phoneNumberId() {
        return phoneNumberId;
    }

    public BrazilianPhoneNumber merchantPhone() {
        return merchantPhone;
    }

    public InboundCode code() {
        return code;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public List<StepResult> steps() {
        return List.copyOf(steps.values());
    }

    public StepResult step(TestStep step) {
        return steps.get(step);
    }

    @Nullable
    public String messageId() {
        return messageId;
    }

    @Nullable
    public String templateName() {
        return templateName;
    }

    @Nullable
    public Instant sentAt() {
        return sentAt;
    }

    public RunVerdict verdict() {
        return verdict;
    }

    @Nullable
    public Instant finishedAt() {
        return finishedAt;
    }
}
