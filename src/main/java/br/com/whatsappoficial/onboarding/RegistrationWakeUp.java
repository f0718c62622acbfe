package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.DisplayNameReviewed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An approved display name means Meta now allows /register: look at the WABA's waiting numbers at once. */
@Component
class RegistrationWakeUp {

    private final Registrations registrations;

    RegistrationWakeUp(Registrations registrations) {
        this.registrations = registrations;
    }

    @ApplicationModuleListener
    void on(DisplayNameReviewed event) {
        if ("APPROVED".equals(event.decision())) {
            CurrentStore.runAs(event.store(), () -> registrations.wakeUpWaba(event.wabaId()));
        }
    }
}
