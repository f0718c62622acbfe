package br.com.whatsappoficial.account;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.webhook.AccountReviewed;
import br.com.whatsappoficial.webhook.AccountUpdated;
import br.com.whatsappoficial.webhook.BusinessCapabilityChanged;
import br.com.whatsappoficial.webhook.DisplayNameReviewed;
import br.com.whatsappoficial.webhook.PhoneNumberQualityChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps each store's accounts in step with Meta's lifecycle webhooks (B2), as the event's store. */
@Component
class MetaSignalUpdates {

    /** The account_update events of numbers leaving Cloud API, and of one coming back. */
    private static final java.util.Set<String> LEFT_OR_BACK =
            java.util.Set.of("PARTNER_REMOVED", "ACCOUNT_OFFBOARDED", "ACCOUNT_RECONNECTED");

    private final AccountSignals accounts;

    MetaSignalUpdates(AccountSignals accounts) {
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(DisplayNameReviewed event) {
        CurrentStore.runAs(
                event.store(),
                () -> accounts.displayNameReviewed(
                        event.wabaId(),
                        event.displayPhoneNumber(),
                        event.decision(),
                        event.rejectionReason(),
                        event.at()));
    }

    @ApplicationModuleListener
    void on(AccountReviewed event) {
        CurrentStore.runAs(event.store(), () -> accounts.accountReviewed(event.wabaId(), event.decision()));
    }

    /** A limit the event carries applies at once; quality and health are read from Meta right after. */
    @ApplicationModuleListener
    void on(PhoneNumberQualityChanged event) {
        CurrentStore.runAs(event.store(), () -> {
            MessagingTier.of(event.maxDailyConversationsPerBusiness())
                    .or(() -> MessagingTier.of(event.currentLimit()))
                    .ifPresent(limit -> accounts.messagingLimitChanged(event.wabaId(), limit, event.at()));
            accounts.readFromMetaSoon(event.wabaId());
        });
    }

    @ApplicationModuleListener
    void on(BusinessCapabilityChanged event) {
        MessagingTier.of(event.maxDailyConversationsPerBusiness())
                .ifPresent(limit -> CurrentStore.runAs(
                        event.store(), () -> accounts.messagingLimitChanged(event.wabaId(), limit, event.at())));
    }

    @ApplicationModuleListener
    void on(AccountUpdated event) {
        if ("DISABLED_UPDATE".equals(event.event()) && event.banState() != null) {
            CurrentStore.runAs(event.store(), () -> accounts.banStateChanged(event.wabaId(), event.banState()));
        }
        if (LEFT_OR_BACK.contains(event.event())) {
            CurrentStore.runAs(event.store(), () -> accounts.leftCloudApi(event.wabaId(), event.event(), event.at()));
        }
    }
}
