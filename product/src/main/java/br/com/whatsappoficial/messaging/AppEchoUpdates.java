package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.AppHistoryReceived;
import br.com.whatsappoficial.webhook.AppMessagesEchoed;
import java.time.Clock;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A coexistence number's conversations as the WhatsApp Business app reports them, applied as the event's
 * store: what the merchant sends from the app is kept as a person's answer, and so are the business's
 * messages of the last 24 h in the synced history. The history's customer messages open no window: they
 * were received before the number joined the API, and whether Meta counts them is not known, so a window
 * is only ever opened by a customer message Meta delivered to us.
 */
@Component
class AppEchoUpdates {

    private final AppEchoes echoes;
    private final Clock clock;

    AppEchoUpdates(AppEchoes echoes, Clock clock) {
        this.echoes = echoes;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AppMessagesEchoed echoed) {
        CurrentStore.runAs(echoed.store(), () -> {
            for (AppMessagesEchoed.Echo echo : echoed.echoes()) {
                echoes.record(
                        echoed.phoneNumberId(),
                        Customer.ofWaId(echo.to()),
                        echo.messageId(),
                        echo.type(),
                        echo.text(),
                        echo.sentAt());
            }
        });
    }

    @ApplicationModuleListener
    void on(AppHistoryReceived chunk) {
        Instant dayAgo = clock.instant().minus(ServiceWindows.WINDOW);
        CurrentStore.runAs(chunk.store(), () -> {
            for (AppHistoryReceived.HistoryMessage message : chunk.messages()) {
                if (message.fromBusiness() && message.sentAt().isAfter(dayAgo)) {
                    echoes.record(
                            chunk.phoneNumberId(),
                            Customer.ofWaId(message.customer()),
                            message.messageId(),
                            message.type(),
                            message.text(),
                            message.sentAt());
                }
            }
        });
    }
}
