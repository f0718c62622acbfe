package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.BrazilianPhoneNumber;
import br.com.whatsappoficial.account.ConnectOutcome;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.InvalidPhoneNumber;
import br.com.whatsappoficial.account.NewConnection;
import br.com.whatsappoficial.meta.BusinessPhoneNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.meta.GraphTokens;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.TokenInfo;
import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.meta.WhatsAppBusinessAccount;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
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
    private final ConnectedAccounts accounts;
    private final Registrations registrations;
    private final AppDataSyncs appData;
    private final TransactionTemplate transaction;

    SignupCompletion(
            GraphTokens tokens,
            GraphAccounts graphAccounts,
            ConnectedAccounts accounts,
            Registrations registrations,
            AppDataSyncs appData,
            TransactionTemplate transaction) {
        this.appData = appData;
        this.tokens = tokens;
        this.graphAccounts = graphAccounts;
        this.accounts = accounts;
        this.registrations = registrations;
        this.transaction = transaction;
    }

    ConnectOutcome complete(SignupFinished finished) {
        return complete(finished, false);
    }

    /**
     * FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING: a number that stays on the WhatsApp Business app. It is
     * recorded like any number, but its registration never calls register: it asks for the app's contacts
     * and history instead. Meta may leave the number's id out: the WABA's number on the app is the one.
     */
    ConnectOutcome completeOnBusinessApp(SignupFinished finished) {
        return complete(finished, true);
    }

    private ConnectOutcome complete(SignupFinished finished, boolean businessAppFlow) {
        NewConnection connection = readFromMeta(finished, businessAppFlow);
        // The browser's event is a claim; Meta's is_on_biz_app decides whether register is skipped, so a
        // number that is not on the app is registered as any other.
        boolean coexistence =
                businessAppFlow && Boolean.TRUE.equals(connection.number().isOnBizApp());
        ConnectOutcome outcome;
        try {
            outcome = record(connection, coexistence);
        } catch (DuplicateKeyException raced) {
            // Another request recorded the same WABA or number between our check and our insert.
            throw new SignupRefused("onboarding.refused.already-connected", null);
        }
        switch (outcome) {
            case WABA_OF_ANOTHER_STORE -> throw new SignupRefused("onboarding.refused.other-store", null);
            case NUMBER_OF_ANOTHER_STORE -> throw new SignupRefused("onboarding.refused.number-other-store", null);
            case TOO_MANY_NUMBERS -> throw new SignupRefused("onboarding.refused.too-many-numbers", null);
            default -> {}
        }
        return outcome;
    }

    private ConnectOutcome record(NewConnection connection, boolean coexistence) {
        return transaction.execute(status -> {
            String phone = connection.number().id();
            // A number that left Cloud API and joins again from the app is onboarded anew: Meta takes its
            // contacts and history requests once more, within a new 24 h.
            boolean rejoins = coexistence
                    && accounts.number(phone)
                            .map(known -> known.signals().leftEvent() != null)
                            .orElse(false);
            ConnectOutcome connected = accounts.connect(connection);
            if (!connected.kept()) {
                // A refused signup leaves nothing behind, not even the refreshed token.
                status.setRollbackOnly();
            } else if (rejoins) {
                registrations.restartOnBusinessApp(phone);
                appData.restart(phone);
            } else {
                registrations.start(phone, connection.waba().id(), coexistence);
                if (coexistence) {
                    appData.start(phone);
                }
                // The WABA's token is usable again: its other numbers stop waiting for a reconnection too.
                registrations.resumeAfterReconnection(connection.waba().id());
            }
            return connected;
        });
    }

    /**
     * Exchanges the code and reads what the merchant shared, trusting the browser's ids only once Meta
     * confirms them: the WABA among the token's granted targets, the number among the WABA's numbers.
     */
    private NewConnection readFromMeta(SignupFinished finished, boolean coexistence) {
        try {
            BusinessToken token = tokens.exchangeCode(finished.code());
            TokenInfo info = authorized(token);
            String wabaId = grantedWaba(info, finished.wabaId());
            WhatsAppBusinessAccount waba = graphAccounts.account(token, wabaId);
            List<BusinessPhoneNumber> numbers =
                    graphAccounts.phoneNumbers(token, wabaId).data();
            BusinessPhoneNumber number = finished.phoneNumberId() == null
                    ? numbers.stream()
                            .filter(listed -> !coexistence || Boolean.TRUE.equals(listed.isOnBizApp()))
                            .findFirst()
                            .orElseThrow(() -> new SignupRefused("onboarding.refused.no-number", null))
                    : numbers.stream()
                            .filter(listed ->
                                    listed.id().equals(finished.phoneNumberId().value()))
                            .findFirst()
                            .orElseThrow(() -> new SignupRefused("onboarding.refused.number-not-in-waba", null));
            requireBrazilian(number);
            return new NewConnection(
                    waba.ownerBusinessId(), waba, number, token, info.expiry().orElse(null));
        } catch (MetaCallFailed failed) {
            throw refusedBy(failed);
        }
    }

    /**
     * FINISH_ONLY_WABA: the merchant shared a WABA but no number. A WABA the store already has is
     * reconnected (its new token replaces a refused one; its numbers stay). For any other, nothing is
     * recorded: the WABA's numbers as Meta lists them tell the merchant which to pick when connecting
     * again, or that one must be added.
     */
    SharedWaba sharedWithoutNumber(String code, @Nullable WabaId reported) {
        try {
            BusinessToken token = tokens.exchangeCode(code);
            TokenInfo info = authorized(token);
            String wabaId = grantedWaba(info, reported);
            WhatsAppBusinessAccount waba = graphAccounts.account(token, wabaId);
            List<BusinessPhoneNumber> numbers =
                    graphAccounts.phoneNumbers(token, wabaId).data();
            boolean reauthorized = Boolean.TRUE.equals(transaction.execute(status -> {
                if (!accounts.reauthorize(wabaId, token, info.expiry().orElse(null))) {
                    return false;
                }
                registrations.resumeAfterReconnection(wabaId);
                return true;
            }));
            return new SharedWaba(waba, numbers, reauthorized);
        } catch (MetaCallFailed failed) {
            throw refusedBy(failed);
        }
    }

    /**
     * A WABA shared without a number, with the numbers Meta lists for it (maybe none).
     *
     * @param reauthorized the WABA was already this store's: sharing it again renewed its access
     */
    record SharedWaba(WhatsAppBusinessAccount waba, List<BusinessPhoneNumber> numbers, boolean reauthorized) {}

    private TokenInfo authorized(BusinessToken token) {
        TokenInfo info = tokens.inspect(token);
        if (!info.isValid() || !info.grantsWhatsApp()) {
            throw new SignupRefused("onboarding.refused.permissions", null);
        }
        return info;
    }

    private static SignupRefused refusedBy(MetaCallFailed failed) {
        return new SignupRefused(
                "onboarding.refused.meta-" + failed.errorClass().name().toLowerCase(), failed.fbtraceId());
    }

    /** The WABA the browser named if the token reaches it, else the newest the token reaches (message lost). */
    private static String grantedWaba(TokenInfo info, @Nullable WabaId reported) {
        List<String> granted = info.managedWabaIds();
        if (reported == null) {
            return granted.stream()
                    .findFirst()
                    .orElseThrow(() -> new SignupRefused("onboarding.refused.no-waba", null));
        }
        if (!granted.contains(reported.value())) {
            throw new SignupRefused("onboarding.refused.waba-not-granted", null);
        }
        return reported.value();
    }

    private static void requireBrazilian(BusinessPhoneNumber number) {
        try {
            BrazilianPhoneNumber.parse(number.displayPhoneNumber() == null ? "" : number.displayPhoneNumber());
        } catch (InvalidPhoneNumber invalid) {
            throw new SignupRefused(invalid.messageKey(), null);
        }
    }
}
