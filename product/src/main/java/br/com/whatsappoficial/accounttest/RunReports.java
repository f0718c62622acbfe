package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import br.com.whatsappoficial.webhook.MessageStatusReported;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What Meta's webhooks tell a running test, applied as the event's store: a status of the run's template
 * (found by the id we gave Meta with it) and a customer's message carrying a run's code. The time is when
 * the webhook reached us, since that is the latency the merchant's customers will live with.
 */
@Component
class RunReports {

    private final TestRuns runs;
    private final Clock clock;

    RunReports(TestRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MessageStatusReported report) {
        if (report.bizOpaqueCallbackData() == null) {
            return;
        }
        CurrentStore.runAs(
                report.store(),
                () -> runs.ofMessage(report.bizOpaqueCallbackData())
                        .flatMap(runs::lock)
                        .ifPresent(run -> {
                            StepResult.@Nullable Failure failure = report.errors()
                                            .isEmpty()
                                    ? null
                                    : StepResult.Failure.of(
                                            "accounttest.reason.meta-error",
                                            String.valueOf(
                                                    report.errors().getFirst().code()),
                                            report.errors().getFirst().title());
                            if (run.statusReported(report.status(), failure, clock.instant())) {
                                runs.save(run);
                            }
                        }));
    }

    @ApplicationModuleListener
    void on(InboundMessageReceived message) {
        Optional<InboundCode> code = Optional.ofNullable(message.text()).flatMap(InboundCode::foundIn);
        if (code.isEmpty()) {
            return;
        }
        CurrentStore.runAs(
                message.store(),
                () -> runs.waitingFor(code.get()).flatMap(runs::lock).ifPresent(run -> {
                    if (run.codeReceived(clock.instant())) {
                        runs.save(run);
                    }
                }));
    }
}
