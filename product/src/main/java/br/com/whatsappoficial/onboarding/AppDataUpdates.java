package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.Timeline;
import br.com.whatsappoficial.account.TimelineKind;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.AppContactsSynced;
import br.com.whatsappoficial.webhook.AppHistoryDeclined;
import br.com.whatsappoficial.webhook.AppHistoryReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Applies what Meta sends of a coexistence number's WhatsApp Business app, as the event's store: contacts,
 * history chunks (each once, in any order) and the merchant's refusal to share the history, which is a
 * status of the sync and never a failure of the connection.
 */
@Component
class AppDataUpdates {

    private final AppDataSyncs syncs;
    private final Timeline timeline;

    AppDataUpdates(AppDataSyncs syncs, Timeline timeline) {
        this.syncs = syncs;
        this.timeline = timeline;
    }

    @ApplicationModuleListener
    void on(AppContactsSynced synced) {
        CurrentStore.runAs(synced.store(), () -> syncs.contacts(synced));
    }

    @ApplicationModuleListener
    void on(AppHistoryReceived chunk) {
        CurrentStore.runAs(chunk.store(), () -> {
            if (syncs.chunkReceived(chunk)) {
                record(chunk.phoneNumberId(), TimelineKind.APP_HISTORY_SYNCED);
            }
        });
    }

    @ApplicationModuleListener
    void on(AppHistoryDeclined declined) {
        CurrentStore.runAs(declined.store(), () -> {
            if (syncs.historyDeclined(declined.phoneNumberId())) {
                record(declined.phoneNumberId(), TimelineKind.APP_HISTORY_DECLINED);
            }
        });
    }

    private void record(String phoneNumberId, TimelineKind kind) {
        syncs.wabaOf(phoneNumberId).ifPresent(waba -> timeline.record(waba, phoneNumberId, kind, null));
    }
}
