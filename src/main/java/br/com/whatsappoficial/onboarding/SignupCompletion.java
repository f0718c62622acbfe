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
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Server side of Embedded Signup's FINISH (META-CONTRACT §2): exchange the code at once (it lives 30 s),
 * check the token, read the WABA and the number, keep them with the token sealed, then let the
 * registration state machine subscribe the app and register the number.
 */
@Component
class SignupCompletion {

    private final GraphTokens tokens;
    private final GraphAccounts graphAccounts;
    private final GraphPhones phones;
    private final ConnectedAccounts accounts;
    private final Registrations registrations;

    SignupCompletion(
            GraphTokens tokens,
            GraphAccounts graphAccounts,
            GraphPhones phones,
            ConnectedAccounts accounts,
            Registrations registrations) {
        this.tokens = tokens;
        this.graphAccounts = graphAccounts;
        this.phones = phones;
        this.accounts = accounts;
        this.registrations = registrations;
    }

    @Transactional
    ConnectOutcome complete(SignupFinished finished) {
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
            Instant expires = info.expiry().orElse(null);
            ConnectOutcome outcome =
                    accounts.connect(new NewConnection(finished.businessId(), waba, number, token, expires));
            switch (outcome) {
                case WABA_OF_ANOTHER_STORE -> throw new SignupRefused("onboarding.refused.other-store", null);
                case TOO_MANY_NUMBERS -> throw new SignupRefused("onboarding.refused.too-many-numbers", null);
                default -> registrations.start(number.id(), wabaId);
            }
            return outcome;
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
