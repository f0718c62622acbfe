package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.store.CurrentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** On every node, takes due registration steps and runs each as its store. */
@Component
class RegistrationWorker {

    private static final Logger log = LoggerFactory.getLogger(RegistrationWorker.class);

    private final RegistrationQueue queue;
    private final RegistrationSteps steps;

    RegistrationWorker(RegistrationQueue queue, RegistrationSteps steps) {
        this.queue = queue;
        this.steps = steps;
    }

    @Scheduled(fixedDelayString = "${onboarding.registration-poll:2s}")
    void work() {
        for (RegistrationQueue.Due due : queue.claim(20)) {
            try {
                CurrentStore.runAs(due.store(), () -> steps.advance(due.phoneNumberId()));
            } catch (RuntimeException unexpected) {
                // The lease expires and the step is tried again; one bad row must not stop the others.
                log.error("Registration step of {} failed unexpectedly", due.phoneNumberId(), unexpected);
            }
        }
    }
}
