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
        return new SignupSession(
                id,
                request.origin(),
                request.appId(),
                request.extras(),
                null,
                SignupStep.LOGIN,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                createdAt);
    }

    boolean ended() {
        return outcome != null;
    }

    SignupSession loggedIn(String email) {
        return new SignupSession(
                id,
                origin,
                appId,
                extras,
                email,
                SignupStep.BUSINESS_ACCOUNT_SELECTION,
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

    SignupSession withBusiness(String businessId) {
        return new SignupSession(
                id,
                origin,
                appId,
                extras,
                email,
                SignupStep.WABA_PHONE_PROFILE_PICKER,
                businessId,
                null,
                false,
                verifiedName,
                vertical,
                description,
                website,
                phoneId,
                codeMethod,
                outcome,
                createdAt);
    }

    SignupSession withWaba(@Nullable String wabaId, boolean created) {
        return new SignupSession(
                id,
                origin,
                appId,
                extras,
                email,
                SignupStep.WHATSAPP_BUSINESS_PROFILE_SETUP,
                businessId,
                wabaId,
                created,
                verifiedName,
                vertical,
                description,
                website,
                phoneId,
                codeMethod,
                outcome,
                createdAt);
    }

    SignupSession withProfile(
            String verifiedName, String vertical, @Nullable String description, @Nullable String website) {
        return new SignupSession(
                id,
                origin,
                appId,
                extras,
                email,
                SignupStep.PHONE_NUMBER_SETUP,
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

    SignupSession withPhone(String phoneId, String codeMethod) {
        return new SignupSession(
                id,
                origin,
                appId,
                extras,
                email,
                SignupStep.PHONE_NUMBER_VERIFICATION,
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

    SignupSession at(SignupStep step) {
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

    SignupSession ended(String outcome) {
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
