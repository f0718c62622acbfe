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
 * store: what the merchant sends from the app is kept as a person's answer; the synced history's customer
 * messages of the last 24 h open those customers' windows (they wrote before the number joined the API),
 * and its business messages of that day count as answers from the app.
 */
@Component
class AppEchoUpdates {

    private final AppEchoes echoes;
    private final ServiceWindows windows;
    private final Clock clock;

    AppEchoUpdates(AppEchoes echoes, ServiceWindows windows, Clock clock) {
        this.echoes = echoes;
        this.windows = windows;
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
                if (!message.sentAt().isAfter(dayAgo)) {
                    continue;
                }
                Customer customer = Customer.ofWaId(message.customer());
                if (message.fromBusiness()) {
                    echoes.record(
                            chunk.phoneNumberId(),
                            customer,
                            message.messageId(),
                            message.type(),
                            message.text(),
                            message.sentAt());
                } else {
                    windows.customerWrote(chunk.phoneNumberId(), customer, message.sentAt());
                }
            }
        });
    }
}
