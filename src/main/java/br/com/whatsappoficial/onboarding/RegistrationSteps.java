package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.Timeline;
import br.com.whatsappoficial.account.TimelineKind;
import br.com.whatsappoficial.meta.BusinessPhoneNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphAccounts;
import br.com.whatsappoficial.meta.GraphPhones;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.MetaErrorClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one registration one step further (B3), as the current store. Every outcome is written back
 * before the next step is scheduled, so a restart at any point resumes from the stored state.
 */
@Component
class RegistrationSteps {

    private static final Logger log = LoggerFactory.getLogger(RegistrationSteps.class);

    /** Transient failures back off from 30 s, doubling, and give up after this many tries. */
    static final int MAX_TRANSIENT_ATTEMPTS = 8;

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);

    /** Meta blocks a number for 72 h after 10 register/deregister requests (133016). */
    static final Duration REGISTER_LIMIT_WAIT = Duration.ofHours(72);

    private final Registrations registrations;
    private final ConnectedAccounts accounts;
    private final Timeline timeline;
    private final GraphAccounts graphAccounts;
    private final GraphPhones phones;
    private final OnboardingSettings settings;
    private final Clock clock;

    RegistrationSteps(
            Registrations registrations,
            ConnectedAccounts accounts,
            Timeline timeline,
            GraphAccounts graphAccounts,
            GraphPhones phones,
            OnboardingSettings settings,
            Clock clock) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.timeline = timeline;
        this.graphAccounts = graphAccounts;
        this.phones = phones;
        this.settings = settings;
        this.clock = clock;
    }

    void advance(String phoneNumberId) {
        Registration registration = registrations.find(phoneNumberId).orElse(null);
        if (registration == null || registration.state().terminal()) {
            return;
        }
        Optional<BusinessToken> token = accounts.businessToken(registration.wabaId());
        if (token.isEmpty()) {
            registrations.move(
                    registration.state(),
                    phoneNumberId,
                    RegistrationState.AWAIT_RECONNECTION,
                    registration.attempts(),
                    null,
                    null,
                    null);
            return;
        }
        try {
            switch (registration.state()) {
                case SUBSCRIBE_APP -> subscribe(registration, token.get());
                case AWAIT_APPROVAL -> awaitApproval(registration, token.get());
                case REGISTER -> register(registration, token.get());
                case AWAIT_RECONNECTION -> awaitApproval(registration, token.get());
                default -> {}
            }
        } catch (MetaCallFailed failed) {
            onFailure(registration, failed);
        }
    }

    private void subscribe(Registration registration, BusinessToken token) {
        graphAccounts.subscribeApp(token, registration.wabaId());
        timeline.record(registration.wabaId(), null, TimelineKind.APP_SUBSCRIBED, null);
        registrations.move(
                registration.state(),
                registration.phoneNumberId(),
                RegistrationState.AWAIT_APPROVAL,
                0,
                now(),
                null,
                null);
    }

    /** Meta allows /register once the number is verified and its display name approved (F9: certificate). */
    private void awaitApproval(Registration registration, BusinessToken token) {
        // Meta's review of the WABA is part of the status too; webhooks may have been lost (reconciliation).
        String review = graphAccounts.account(token, registration.wabaId()).accountReviewStatus();
        if (review != null) {
            accounts.accountReviewed(registration.wabaId(), review);
        }
        BusinessPhoneNumber fields = phones.phoneNumber(token, registration.phoneNumberId());
        accounts.applyPhoneFields(fields);
        if ("CONNECTED".equals(fields.status())) {
            registrations.move(
                    registration.state(),
                    registration.phoneNumberId(),
                    RegistrationState.REGISTERED,
                    0,
                    null,
                    null,
                    null);
            return;
        }
        boolean nameApproved = "APPROVED".equals(fields.nameStatus())
                || "AVAILABLE_WITHOUT_REVIEW".equals(fields.nameStatus())
                || fields.certificate() != null;
        if (fields.codeVerified() && nameApproved) {
            registrations.move(
                    registration.state(),
                    registration.phoneNumberId(),
                    RegistrationState.REGISTER,
                    0,
                    now(),
                    null,
                    null);
            timeline.record(
                    registration.wabaId(), registration.phoneNumberId(), TimelineKind.REGISTRATION_STARTED, null);
        } else {
            registrations.move(
                    registration.state(),
                    registration.phoneNumberId(),
                    RegistrationState.AWAIT_APPROVAL,
                    0,
                    now().plus(settings.approvalPoll()),
                    null,
                    null);
        }
    }

    private void register(Registration registration, BusinessToken token) {
        phones.register(
                token,
                registration.phoneNumberId(),
                registrations.pin(registration.phoneNumberId()),
                settings.dataLocalizationRegion());
        // The number's new fields first, so that whoever sees REGISTERED also sees it CONNECTED.
        accounts.applyPhoneFields(phones.phoneNumber(token, registration.phoneNumberId()));
        registrations.move(
                registration.state(), registration.phoneNumberId(), RegistrationState.REGISTERED, 0, null, null, null);
    }

    private void onFailure(Registration registration, MetaCallFailed failed) {
        String phone = registration.phoneNumberId();
        int attempts = registration.attempts() + 1;
        String error = "(#" + failed.code() + ") " + failed.getMessage() + " fbtrace_id=" + failed.fbtraceId();
        MetaErrorClass errorClass = failed.errorClass();
        if (errorClass == MetaErrorClass.AUTH) {
            accounts.tokenRevoked(registration.wabaId());
            registrations.move(
                    registration.state(),
                    phone,
                    RegistrationState.AWAIT_RECONNECTION,
                    attempts,
                    null,
                    failed.code(),
                    error);
        } else if (failed.code() == 133016) {
            registrations.move(
                    registration.state(),
                    phone,
                    registration.state(),
                    attempts,
                    now().plus(REGISTER_LIMIT_WAIT),
                    failed.code(),
                    error);
        } else if (failed.code() == 133006 || failed.code() == 133007) {
            // Not verified / name not approved after all: back to waiting for Meta.
            registrations.move(
                    registration.state(),
                    phone,
                    RegistrationState.AWAIT_APPROVAL,
                    attempts,
                    now().plus(settings.approvalPoll()),
                    failed.code(),
                    error);
        } else if (errorClass.retryable() && attempts < MAX_TRANSIENT_ATTEMPTS) {
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 10));
            registrations.move(
                    registration.state(),
                    phone,
                    registration.state(),
                    attempts,
                    now().plus(backoff),
                    failed.code(),
                    error);
        } else {
            log.warn("Registration of {} failed for good: {}", phone, error);
            registrations.move(
                    registration.state(), phone, RegistrationState.FAILED, attempts, null, failed.code(), error);
            timeline.record(registration.wabaId(), phone, TimelineKind.REGISTRATION_FAILED, "(#" + failed.code() + ")");
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
