package br.com.whatsappoficial.accounttest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A run as its page shows it: the run, the wa.me link with its code to the store's number (none once the
 * number left the store), and the
 * times in seconds as Brazilians write them (2,4 s).
 */
record RunView(TestRun run, @Nullable WaMeLink link) {

    /** The steps, the checks first, as the page lists them. */
    public List<StepResult> steps() {
        return run.steps();
    }

    public boolean running() {
        return !run.verdict().finished();
    }

    /** Whether the page shows the link and QR code: the run waits for the customer's message. */
    public boolean awaitingCode() {
        return running() && link != null && run.step(TestStep.INBOUND).pending();
    }

    /** The step's time as {@code 2,4 s}; nothing for a step without one. */
    @Nullable
    public String seconds(StepResult step) {
        Duration elapsed = step.elapsed();
        return elapsed == null
                ? null
                : String.format(Locale.forLanguageTag("pt-BR"), "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
