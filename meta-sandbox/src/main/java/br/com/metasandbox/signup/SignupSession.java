package br.com.metasandbox.signup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One run of the Embedded Signup popup and what the user chose so far.
 *
 * @param id 16 hex digits, also the {@code session_id} of ERROR events
 * @param origin the opener's origin, the only target of the popup's messages
 * @param outcome FINISH, CANCEL or ERROR once the popup has ended
 */
record SignupSession(
        String id,
        String origin,
        String appId,
        @Nullable String extras,
        @Nullable String email,
        SignupStep step,
        @Nullable String businessId,
        @Nullable String wabaId,
        boolean wabaCreated,
        @Nullable String verifiedName,
        @Nullable String vertical,
        @Nullable String description,
        @Nullable String website,
        @Nullable String phoneId,
        @Nullable String codeMethod,
        @Nullable String outcome,
        Instant createdAt) {

    /** A new run at Facebook's login, nothing chosen yet. */
    static SignupSession opened(String id, SignupRequest request, Instant createdAt) {
        Changes run = new Changes();
        run.id = id;
        run.origin = request.origin();
        run.appId = request.appId();
        run.extras = request.extras();
        run.step = SignupStep.LOGIN;
        run.createdAt = createdAt;
        return run.session();
    }

    boolean ended() {
        return outcome != null;
    }

    /**
     * The launcher asked for the WhatsApp Business app's flow ({@code featureType:
     * whatsapp_business_app_onboarding}): the number stays on the app and the run ends with
     * FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING.
     */
    boolean businessApp() {
        return extras != null
                && extras.replaceAll("\\s", "").contains("\"featureType\":\"whatsapp_business_app_onboarding\"");
    }

    SignupSession loggedIn(String email) {
        Changes next = changes();
        next.email = email;
        next.step = SignupStep.BUSINESS_ACCOUNT_SELECTION;
        return next.session();
    }

    /** A portfolio chosen or created: any WABA chosen under another one no longer applies. */
    SignupSession withBusiness(String businessId) {
        Changes next = changes();
        next.businessId = businessId;
        next.wabaId = null;
        next.wabaCreated = false;
        next.step = SignupStep.WABA_PHONE_PROFILE_PICKER;
        return next.session();
    }

    SignupSession withWaba(@Nullable String wabaId, boolean created) {
        Changes next = changes();
        next.wabaId = wabaId;
        next.wabaCreated = created;
        next.step = SignupStep.WHATSAPP_BUSINESS_PROFILE_SETUP;
        return next.session();
    }

    SignupSession withProfile(
            String verifiedName, String vertical, @Nullable String description, @Nullable String website) {
        Changes next = changes();
        next.verifiedName = verifiedName;
        next.vertical = vertical;
        next.description = description;
        next.website = website;
        next.step = SignupStep.PHONE_NUMBER_SETUP;
        return next.session();
    }

    SignupSession withPhone(String phoneId, String codeMethod) {
        Changes next = changes();
        next.phoneId = phoneId;
        next.codeMethod = codeMethod;
        next.step = SignupStep.PHONE_NUMBER_VERIFICATION;
        return next.session();
    }

    SignupSession at(SignupStep step) {
        Changes next = changes();
        next.step = step;
        return next.session();
    }

    SignupSession ended(String outcome) {
        Changes next = changes();
        next.outcome = outcome;
        return next.session();
    }

    private Changes changes() {
        Changes changes = new Changes();
        changes.id = id;
        changes.origin = origin;
        changes.appId = appId;
        changes.extras = extras;
        changes.email = email;
        changes.step = step;
        changes.businessId = businessId;
        changes.wabaId = wabaId;
        changes.wabaCreated = wabaCreated;
        changes.verifiedName = verifiedName;
        changes.vertical = vertical;
        changes.description = description;
        changes.website = website;
        changes.phoneId = phoneId;
        changes.codeMethod = codeMethod;
        changes.outcome = outcome;
        changes.createdAt = createdAt;
        return changes;
    }

    /**
     * The one place that lists every field twice (read and built): each move of the popup names only what
     * it changes, instead of re-listing the seventeen fields in each of them.
     */
    private static final class Changes {
        private String id;
        private String origin;
        private String appId;
        private @Nullable String extras;
        private @Nullable String email;
        private SignupStep step;
        private @Nullable String businessId;
        private @Nullable String wabaId;
        private boolean wabaCreated;
        private @Nullable String verifiedName;
        private @Nullable String vertical;
        private @Nullable String description;
        private @Nullable String website;
        private @Nullable String phoneId;
        private @Nullable String codeMethod;
        private @Nullable String outcome;
        private Instant createdAt;

        private SignupSession session() {
            return new SignupSession(
                    id,
                    origin,
                    appId,
                    extras,
                    email,
                    step,
                    businessId,
                    wabaId,
                    wabaCreated,
                    verifiedName,
                    vertical,
                    description,
                    website,
                    phoneId,
                    codeMethod,
                    outcome,
                    createdAt);
        }
    }
}
