package br.com.whatsappoficial.accounttest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a run as it stands.
 *
 * @param reason the message key of why it failed (and how to fix it), with its {@code arguments}
 * @param at when it passed or failed
 * @param elapsed for the template's statuses, the time from our send to the status reaching us; for the
 *     customer's message, from the run's start to its arrival
 */
record StepResult(
        TestStep step,
        StepState state,
        @Nullable String reason,
        List<String> arguments,
        @Nullable Instant at,
        @Nullable Duration elapsed) {

    StepResult {
        arguments = List.copyOf(arguments);
    }

    static StepResult pending(TestStep step) {
        return new StepResult(step, StepState.PENDING, null, List.of(), null, null);
    }

    static StepResult passed(TestStep step, Instant at, @Nullable Duration elapsed) {
        return new StepResult(step, StepState.PASSED, null, List.of(), at, elapsed);
    }

    static StepResult failed(TestStep step, Failure failure, Instant at) {
        return new StepResult(step, StepState.FAILED, failure.reason(), failure.arguments(), at, null);
    }

    StepResult skipped() {
        return new StepResult(step, StepState.SKIPPED, null, List.of(), null, null);
    }

    boolean pending() {
        return state == StepState.PENDING;
    }

    /** Why a step failed: a message key of this module's bundle and its arguments. */
    record Failure(String reason, List<String> arguments) {

        Failure {
            arguments = List.copyOf(arguments);
        }

        static Failure of(String reason, String... arguments) {
            return new Failure(reason, List.of(arguments));
        }
    }
}
