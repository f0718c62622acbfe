package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.ConnectedNumber;
import br.com.whatsappoficial.account.IntegrationStatus;
import br.com.whatsappoficial.account.Waba;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/** Finds the current store's sending number: the active number of a WABA whose access still works. */
@Component
class SendingNumbers {

    private final ConnectedAccounts accounts;
    private final MessagingSettings settings;

    SendingNumbers(ConnectedAccounts accounts, MessagingSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    /** Throws {@link NumberNotReady} when none: not connected, access to renew, or Meta refused the number. */
    SendingNumber current() {
        for (var waba : accounts.numbersByWaba().entrySet()) {
            if (waba.getKey().needsReconnection()) {
                continue;
            }
            var usable = waba.getValue().stream()
                    .sorted(Comparator.comparing(ConnectedNumber::active).reversed())
                    .filter(number -> number.verdict().status().sends())
                    .findFirst();
            if (usable.isPresent()) {
                return of(waba.getKey(), usable.get());
            }
        }
        throw new NumberNotReady();
    }

    private SendingNumber of(Waba waba, ConnectedNumber number) {
        IntegrationStatus status = number.verdict().status();
        return new SendingNumber(
                number.phoneNumberId(),
                waba.wabaId(),
                waba.businessId() == null ? "waba:" + waba.wabaId() : waba.businessId(),
                number.number().display(),
                status,
                ProactiveLimit.of(status, number.metaLimit().orElse(null), settings.proactiveFloor()),
                number.throughput().messagesPerSecond());
    }
}
