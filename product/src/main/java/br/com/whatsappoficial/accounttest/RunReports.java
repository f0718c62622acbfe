package br.com.whatsappoficial.accounttest;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.InboundMessageReceived;
import br.com.whatsappoficial.webhook.InboundMessagesReceived;
import br.com.whatsappoficial.webhook.MessageStatusReported;
import br.com.whatsappoficial.webhook.MessageStatusesReported;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
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

    /** In the inbox's transaction: a batch of statuses costs a lookup only when one is of a run's message. */
    @EventListener
    void on(MessageStatusesReported reported) {
        List<MessageStatusReported> ofRuns = reported.statuses().stream()
                .filter(report -> report.bizOpaqueCallbackData() != null)
                .toList();
        if (ofRuns.isEmpty()) {
            return;
        }
        CurrentStore.runAs(reported.store(), () -> {
            Set<String> running = runs.messagesOfRuns(ofRuns.stream()
                    .map(MessageStatusReported::bizOpaqueCallbackData)
                    .toList());
            ofRuns.stream()
                    .filter(report -> running.contains(report.bizOpaqueCallbackData()))
                    .forEach(this::apply);
        });
    }

    private void apply(MessageStatusReported report) {
        runs.ofMessage(Objects.requireNonNull(report.bizOpaqueCallbackData()))
                .flatMap(runs::lock)
                .ifPresent(run -> {
                    StepResult.@Nullable Failure failure = report.errors().isEmpty()
                            ? null
                            : StepResult.Failure.of(
                                    "accounttest.reason.meta-error",
                                    String.valueOf(report.errors().getFirst().code()),
                                    report.errors().getFirst().title());
                    if (run.statusReported(report.status(), failure, clock.instant())) {
                        runs.save(run);
                    }
                });
    }

    /** In the inbox's transaction; only a text carrying a run's code costs a lookup. */
    @EventListener
    void on(InboundMessagesReceived received) {
        for (InboundMessageReceived message : received.messages()) {
            Optional<InboundCode> code = Optional.ofNullable(message.text()).flatMap(InboundCode::foundIn);
            code.ifPresent(found -> CurrentStore.runAs(
                    received.store(),
                    () -> runs.waitingFor(found).flatMap(runs::lock).ifPresent(run -> {
                        if (run.codeReceived(clock.instant())) {
                            runs.save(run);
                        }
                    })));
        }
    }
}
