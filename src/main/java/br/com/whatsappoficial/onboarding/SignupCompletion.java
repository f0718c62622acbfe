package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.BrazilianPhoneNumber;
import br.com.whatsappoficial.account.ConnectOutcome;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.InvalidPhoneNumber;
import br.com.whatsappoficial.account.NewConnection;
import br.com.whatsappoficial.meta.BusinessPhoneNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.meta.GraphPhones;
import br.com.whatsappoficial.meta.GraphTokens;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.TokenInfo;
import br.com.whatsappoficial.meta.WhatsAppBusinessAccount;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Server side of Embedded Signup's FINISH (META-CONTRACT §2): exchange the code at once (it lives 30 s),
 * check the token, read the WABA and the number, keep them with the token sealed, then let the
 * registration state machine subscribe the app and register the number.
 *
 * <p>Meta is read before any transaction begins: its four calls may take seconds each, and a database
 * connection held across them would be taken from the pool that webhooks and workers need. The writes
 * that follow are one short transaction.
 */
@Component
class SignupCompletion {

    private final GraphTokens tokens;
    private final GraphAccounts graphAccounts;
    private final GraphPhones phones;
    private final ConnectedAccounts accounts;
    private final Registrations registrations;
    private final TransactionTemplate transaction;

    SignupCompletion(
            GraphTokens tokens,
            GraphAccounts graphAccounts,
            GraphPhones phones,
            ConnectedAccounts accounts,
            Registrations registrations,
            TransactionTemplate transaction) {
        this.tokens = tokens;
        this.graphAccounts = graphAccounts;
        this.phones = phones;
        this.accounts = accounts;
        this.registrations = registrations;
        this.transaction = transaction;
    }

    ConnectOutcome complete(SignupFinished finished) {
        NewConnection connection = readFromMeta(finished);
        ConnectOutcome outcome = transaction.execute(status -> {
            ConnectOutcome connected = accounts.connect(connection);
            if (connected == ConnectOutcome.WABA_OF_ANOTHER_STORE || connected == ConnectOutcome.TOO_MANY_NUMBERS) {
                // A refused signup leaves nothing behind, not even the refreshed token.
                status.setRollbackOnly();
            } else {
                registrations.start(connection.number().id(), connection.waba().id());
            }
            return connected;
        });
        switch (outcome) {
            case WABA_OF_ANOTHER_STORE -> throw new SignupRefused("onboarding.refused.other-store", null);
            case TOO_MANY_NUMBERS -> throw new SignupRefused("onboarding.refused.too-many-numbers", null);
            default -> {}
        }
        return outcome;
    }

    /** Exchanges the code and reads what the merchant shared; refuses what the product cannot use. */
    private NewConnection readFromMeta(SignupFinished finished) {
        try {
            BusinessToken token = tokens.exchangeCode(finished.code());
            TokenInfo info = tokens.inspect(token);
            if (!info.isValid() || !info.grantsWhatsApp()) {
                throw new SignupRefused("onboarding.refused.permissions", null);
            }
            String wabaId = finished.wabaId() != null
                    ? finished.wabaId()
                    : info.managedWabaIds().stream()
                            .findFirst()
                            .orElseThrow(() -> new SignupRefused("onboarding.refused.no-waba", null));
            WhatsAppBusinessAccount waba = graphAccounts.account(token, wabaId);
            BusinessPhoneNumber number = finished.phoneNumberId() != null
                    ? phones.phoneNumber(token, finished.phoneNumberId())
                    : graphAccounts.phoneNumbers(token, wabaId).data().stream()
                            .findFirst()
                            .orElseThrow(() -> new SignupRefused("onboarding.refused.no-number", null));
            requireBrazilian(number);
            return new NewConnection(
                    finished.businessId(), waba, number, token, info.expiry().orElse(null));
        } catch (MetaCallFailed failed) {
            throw new SignupRefused(
                    "onboarding.refused.meta-" + failed.errorClass().name().toLowerCase(), failed.fbtraceId());
        }
    }

    private static void requireBrazilian(BusinessPhoneNumber number) {
        try {
            BrazilianPhoneNumber.parse(number.displayPhoneNumber() == null ? "" : number.displayPhoneNumber());
        } catch (InvalidPhoneNumber invalid) {
            throw new SignupRefused(invalid.messageKey(), null);
        }
    }
}
