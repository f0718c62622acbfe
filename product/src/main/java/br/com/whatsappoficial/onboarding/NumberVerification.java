package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.ConnectedNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.CodeMethod;
import br.com.whatsappoficial.meta.GraphPhones;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.MetaErrorClass;
import br.com.whatsappoficial.meta.PhoneNumberId;
import br.com.whatsappoficial.onboarding.VerificationRefused.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Confirms the ownership of a number that left Embedded Signup unverified: Meta sends a code by SMS or
 * voice call, the merchant types it on our page, and the number's registration goes ahead at once instead
 * of waiting for its next look at Meta. Only the current store's numbers, and at most one code request per
 * number a minute, so that a merchant cannot spend Meta's own limit (136024, hours of waiting).
 */
@Component
class NumberVerification {

    private static final Logger log = LoggerFactory.getLogger(NumberVerification.class);

    /** How often our screen lets a merchant ask for a new code for one number. */
    static final Duration CODE_REQUEST_INTERVAL = Duration.ofSeconds(60);

    /** The language of Meta's SMS or call. */
    static final String LANGUAGE = "pt_BR";

    private final ConnectedAccounts accounts;
    private final Registrations registrations;
    private final GraphPhones phones;
    private final Clock clock;

    NumberVerification(ConnectedAccounts accounts, Registrations registrations, GraphPhones phones, Clock clock) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.phones = phones;
        this.clock = clock;
    }

    /** The current store's number that still needs its ownership confirmed. */
    ConnectedNumber unverifiedNumber(PhoneNumberId id) {
        ConnectedNumber number = accounts.number(id.value())
                .filter(candidate -> registrations.find(id.value()).isPresent())
                .orElseThrow(() -> new VerificationRefused(Reason.UNKNOWN_NUMBER));
        if ("VERIFIED".equals(number.signals().codeVerificationStatus())) {
            throw new VerificationRefused(Reason.ALREADY_VERIFIED);
        }
        return number;
    }

    /** Asks Meta to send the code; a landline can only be called. */
    void requestCode(PhoneNumberId id, CodeMethod method) {
        ConnectedNumber number = unverifiedNumber(id);
        if (method == CodeMethod.SMS && !number.number().mobile()) {
            throw new VerificationRefused(Reason.SMS_TO_LANDLINE);
        }
        BusinessToken token = token(number);
        Optional<Duration> wait = registrations.reserveCodeRequest(id.value(), CODE_REQUEST_INTERVAL);
        if (wait.isPresent()) {
            throw new VerificationRefused(
                    Reason.WAIT_BEFORE_NEW_CODE, Math.max(1, wait.get().toSeconds()), null);
        }
        try {
            phones.requestCode(token, id, method, LANGUAGE);
        } catch (MetaCallFailed failed) {
            throw refusal(number, failed);
        }
    }

    /** Confirms the code with Meta, then lets the registration register the number now. */
    void verify(PhoneNumberId id, OwnershipCode code) {
        ConnectedNumber number = unverifiedNumber(id);
        BusinessToken token = token(number);
        try {
            phones.verifyCode(token, id, code.digits());
        } catch (MetaCallFailed failed) {
            throw refusal(number, failed);
        }
        try {
            accounts.applyPhoneFields(phones.phoneNumber(token, id.value()));
        } catch (MetaCallFailed failed) {
            // Verified all the same: the registration step reads the number again before registering.
            log.warn("Number {} verified; reading its fields failed: {}", id, failed.getMessage());
        }
        registrations
                .find(id.value())
                .filter(registration -> registration.state().registering())
                .ifPresent(registration -> registrations.move(registration.codeVerified(clock.instant())));
    }

    private BusinessToken token(ConnectedNumber number) {
        return accounts.businessToken(number.wabaId()).orElseThrow(() -> new VerificationRefused(Reason.RECONNECT));
    }

    /** Meta's refusal in the merchant's terms, decided on the error's code and class, never its text. */
    private VerificationRefused refusal(ConnectedNumber number, MetaCallFailed failed) {
        if (failed.errorClass() == MetaErrorClass.AUTH) {
            // As the registration does: the WABA shows "reconnect" and its steps wait for a new token.
            accounts.tokenRevoked(number.wabaId());
        }
        Reason reason = switch (failed.code()) {
            case 136024 -> Reason.TOO_MANY_CODE_REQUESTS;
            case 136025 -> Reason.WRONG_CODE;
            default ->
                switch (failed.errorClass()) {
                    case THROTTLING -> Reason.META_RATE_LIMIT;
                    case AUTH -> Reason.RECONNECT;
                    case TIMEOUT, TRANSIENT -> Reason.META_UNAVAILABLE;
                    default -> Reason.META_REFUSED;
                };
        };
        return new VerificationRefused(reason, 0, failed.fbtraceId());
    }
}
