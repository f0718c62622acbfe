package br.com.whatsappoficial.account;

import org.jspecify.annotations.Nullable;

/**
 * Everything Meta tells about a number and its WABA, as last read or received (fields of
 * META-CONTRACT §3–4 and the lifecycle webhooks of §7). Values stay Meta's strings; unknown values
 * are tolerated.
 *
 * @param nameRejectionReason {@code phone_number_name_update.rejection_reason}, e.g. NAME_FORMAT_UNACCEPTABLE
 * @param healthProblem Meta's {@code error_description} when health_status is BLOCKED
 * @param wabaBanState {@code account_update} DISABLED_UPDATE's ban state
 * @param leftEvent {@code account_update} PARTNER_REMOVED or ACCOUNT_OFFBOARDED: the number left Cloud API
 */
public record MetaSignals(
        @Nullable String codeVerificationStatus,
        @Nullable String phoneStatus,
        @Nullable String nameStatus,
        @Nullable String nameRejectionReason,
        @Nullable String accountReviewStatus,
        @Nullable String healthStatus,
        @Nullable String healthProblem,
        @Nullable String wabaBanState,
        @Nullable String leftEvent) {

    /** A number just out of Embedded Signup: verified, its name waiting for Meta's review. */
    public static MetaSignals afterSignup() {
        return new MetaSignals("VERIFIED", "PENDING", "PENDING_REVIEW", null, "PENDING", "LIMITED", null, null, null);
    }

    /** The merchant's verdict: the worst finding wins, then the first thing still pending. */
    public StatusVerdict verdict() {
        // Gone from Cloud API: nothing else about the number matters until it is connected again.
        if ("PARTNER_REMOVED".equals(leftEvent)) {
            return StatusVerdict.of(StatusReason.PARTNER_REMOVED);
        }
        if (leftEvent != null) {
            return StatusVerdict.of(StatusReason.LEFT_BUSINESS_APP);
        }
        if ("DISABLE".equals(wabaBanState)) {
            return StatusVerdict.of(StatusReason.ACCOUNT_DISABLED);
        }
        if ("BANNED".equals(phoneStatus)) {
            return StatusVerdict.of(StatusReason.NUMBER_BANNED);
        }
        if ("DECLINED".equals(nameStatus)) {
            return new StatusVerdict(StatusReason.DISPLAY_NAME_REJECTED, nameRejectionReason);
        }
        if ("EXPIRED".equals(nameStatus)) {
            return StatusVerdict.of(StatusReason.DISPLAY_NAME_EXPIRED);
        }
        if ("REJECTED".equals(accountReviewStatus)) {
            return StatusVerdict.of(StatusReason.ACCOUNT_REVIEW_REJECTED);
        }
        // Before registration Meta reports the number BLOCKED ("not registered"): that is a step still to
        // come, not a verdict, so only a connected number's block counts (B4: never shown as failed).
        if ("BLOCKED".equals(healthStatus) && "CONNECTED".equals(phoneStatus)) {
            return new StatusVerdict(StatusReason.SENDING_BLOCKED, healthProblem);
        }
        if (!"VERIFIED".equals(codeVerificationStatus)) {
            return StatusVerdict.of(StatusReason.NUMBER_NOT_VERIFIED);
        }
        if (!"APPROVED".equals(nameStatus) && !"AVAILABLE_WITHOUT_REVIEW".equals(nameStatus)) {
            return StatusVerdict.of(StatusReason.DISPLAY_NAME_UNDER_REVIEW);
        }
        if ("PENDING".equals(accountReviewStatus) || "DEFERRED".equals(accountReviewStatus)) {
            return StatusVerdict.of(StatusReason.ACCOUNT_UNDER_REVIEW);
        }
        if ("RESTRICTED".equals(phoneStatus) || "RATE_LIMITED".equals(phoneStatus)) {
            return StatusVerdict.of(StatusReason.NUMBER_RESTRICTED);
        }
        if (!"CONNECTED".equals(phoneStatus)) {
            return StatusVerdict.of(StatusReason.REGISTRATION_PENDING);
        }
        // Scheduled, not done: the number still works, so it stays Ativa, with the warning as its reason.
        if ("SCHEDULE_FOR_DISABLE".equals(wabaBanState)) {
            return StatusVerdict.of(StatusReason.ACCOUNT_SCHEDULED_FOR_DISABLE);
        }
        return StatusVerdict.of(StatusReason.APPROVED);
    }
}
