package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.Timeline;
import br.com.whatsappoficial.account.TimelineKind;
import br.com.whatsappoficial.meta.AppDataSync;
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
 * Takes one registration one step further, as the current store: subscribe the app to the WABA, then
 * register the number, or, for a number that stays on the WhatsApp Business app, ask for the app's data. Every outcome is written back
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
    private final AppDataSyncs appData;
    private final OnboardingSettings settings;
    private final Clock clock;

    RegistrationSteps(
            Registrations registrations,
            ConnectedAccounts accounts,
            Timeline timeline,
            GraphAccounts graphAccounts,
            GraphPhones phones,
            AppDataSyncs appData,
            OnboardingSettings settings,
            Clock clock) {
        this.appData = appData;
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
            registrations.move(registration.awaitReconnection(false, null, null));
            return;
        }
        try {
            if (registration.state() == RegistrationState.SUBSCRIBE_APP) {
                subscribe(registration, token.get());
            } else if (registration.state() == RegistrationState.SYNC_APP_DATA) {
                syncAppData(registration, token.get());
            } else {
                register(registration, token.get());
            }
        } catch (MetaCallFailed failed) {
            onFailure(registration, failed);
        }
    }

    private void subscribe(Registration registration, BusinessToken token) {
        graphAccounts.subscribeApp(token, registration.wabaId());
        timeline.recordOnce(registration.wabaId(), TimelineKind.APP_SUBSCRIBED);
        if (registrations.move(registration.appSubscribed(now())) && !registration.coexistence()) {
            timeline.record(
                    registration.wabaId(), registration.phoneNumberId(), TimelineKind.REGISTRATION_STARTED, null);
        }
    }

    /**
     * Registers the number as soon as its ownership is verified, whatever the display name's review says.
     * The number is read first: one already CONNECTED needs no call, and an unverified one would only
     * spend one of Meta's 10 register requests per 72 h.
     */
    private void register(Registration registration, BusinessToken token) {
        String phone = registration.phoneNumberId();
        BusinessPhoneNumber fields = phones.phoneNumber(token, phone);
        accounts.applyPhoneFields(fields);
        if ("CONNECTED".equals(fields.status())) {
            registrations.move(registration.registered());
            return;
        }
        if (!fields.codeVerified()) {
            registrations.move(registration.awaitVerification(now().plus(settings.verificationPoll()), null, null));
            return;
        }
        phones.register(token, phone, registrations.pin(phone), settings.dataLocalizationRegion());
        // The number's new fields first, so that whoever sees REGISTERED also sees it CONNECTED.
        accounts.applyPhoneFields(phones.phoneNumber(token, phone));
        registrations.move(registration.registered());
    }

    /**
     * A number that stays on the WhatsApp Business app: read it (Meta reports it on the app and CONNECTED,
     * which sets its slower pace), then ask once for each kind of the app's data still not asked for. No
     * register call, no PIN. Each request is stored as soon as Meta answers it, so a failure of the next
     * one never asks for the first again.
     */
    private void syncAppData(Registration registration, BusinessToken token) {
        String phone = registration.phoneNumberId();
        accounts.applyPhoneFields(phones.phoneNumber(token, phone));
        for (AppDataSync sync : appData.pending(phone)) {
            appData.requested(phone, sync, phones.requestAppData(token, phone, sync));
            timeline.record(registration.wabaId(), phone, TimelineKind.APP_DATA_REQUESTED, sync.name());
        }
        if (registrations.move(registration.appDataRequested())) {
            timeline.record(registration.wabaId(), phone, TimelineKind.BUSINESS_APP_CONNECTED, null);
        }
    }

    private void onFailure(Registration registration, MetaCallFailed failed) {
        String phone = registration.phoneNumberId();
        int attempts = registration.attempts() + 1;
        String error = "(#" + failed.code() + ") " + failed.getMessage() + " fbtrace_id=" + failed.fbtraceId();
        MetaErrorClass errorClass = failed.errorClass();
        if (errorClass == MetaErrorClass.AUTH) {
            accounts.tokenRevoked(registration.wabaId());
            registrations.move(registration.awaitReconnection(true, failed.code(), error));
        } else if (failed.code() == 133016) {
            registrations.move(registration.retry(now().plus(REGISTER_LIMIT_WAIT), failed.code(), error));
        } else if (failed.code() == 133006 && registration.state().registering()) {
            // Meta wants the number verified (again) first: wait for it as for a number never verified.
            registrations.move(
                    registration.awaitVerification(now().plus(settings.verificationPoll()), failed.code(), error));
        } else if (errorClass.retryable() && attempts < MAX_TRANSIENT_ATTEMPTS) {
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 10));
            registrations.move(registration.retry(now().plus(backoff), failed.code(), error));
        } else {
            log.warn("Registration of {} failed for good: {}", phone, error);
            registrations.move(registration.failed(failed.code(), error));
            timeline.record(registration.wabaId(), phone, TimelineKind.REGISTRATION_FAILED, "(#" + failed.code() + ")");
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
