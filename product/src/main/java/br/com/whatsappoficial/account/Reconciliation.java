package br.com.whatsappoficial.account;

import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.meta.GraphPhones;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.MetaErrorClass;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-reads Meta's fields so that a number's status converges even when a webhook was lost: every few
 * minutes while it is not Ativa, a few times a day once it is (quality, limits and health still move).
 */
@Component
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    static final Duration WHILE_PENDING = Duration.ofMinutes(10);
    static final Duration WHILE_ACTIVE = Duration.ofHours(6);

    private final ReconciliationQueue queue;
    private final ConnectedAccounts accounts;
    private final AccountSignals signals;
    private final GraphPhones phones;
    private final GraphAccounts wabas;
    private final StoreScopedJdbc jdbc;
    private final Clock clock;

    Reconciliation(
            ReconciliationQueue queue,
            ConnectedAccounts accounts,
            AccountSignals signals,
            GraphPhones phones,
            GraphAccounts wabas,
            StoreScopedJdbc jdbc,
            Clock clock) {
        this.queue = queue;
        this.accounts = accounts;
        this.signals = signals;
        this.phones = phones;
        this.wabas = wabas;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${account.reconciliation-poll:30s}")
    void reconcileDue() {
        for (ReconciliationQueue.Due due : queue.claim(20)) {
            try {
                CurrentStore.runAs(due.store(), () -> reconcile(due.wabaId(), due.phoneNumberId()));
            } catch (RuntimeException unexpected) {
                log.error("Reconciling {} failed unexpectedly", due.phoneNumberId(), unexpected);
            }
        }
    }

    private void reconcile(String wabaId, String phoneNumberId) {
        Optional<BusinessToken> token = accounts.businessToken(wabaId);
        Duration next = WHILE_PENDING;
        if (token.isPresent()) {
            try {
                String review = wabas.account(token.get(), wabaId).accountReviewStatus();
                if (review != null) {
                    signals.accountReviewed(wabaId, review);
                }
                accounts.applyPhoneFields(phones.phoneNumber(token.get(), phoneNumberId));
                boolean active = accounts.number(phoneNumberId)
                        .map(number -> number.verdict().status() == IntegrationStatus.ATIVA)
                        .orElse(false);
                next = active ? WHILE_ACTIVE : WHILE_PENDING;
            } catch (MetaCallFailed failed) {
                if (failed.errorClass() == MetaErrorClass.AUTH) {
                    accounts.tokenRevoked(wabaId);
                }
                log.info("Reconciling {} failed: {} (code {})", phoneNumberId, failed.errorClass(), failed.code());
            }
        } else {
            // No usable token: only webhooks can tell us more until the merchant reconnects.
            next = WHILE_ACTIVE;
        }
        jdbc.sql("update phone_numbers set next_sync_at = :next where store_id = :storeId and phone_number_id = :id")
                .param("next", OffsetDateTime.ofInstant(clock.instant().plus(next), ZoneOffset.UTC))
                .param("id", phoneNumberId)
                .update();
    }
}
