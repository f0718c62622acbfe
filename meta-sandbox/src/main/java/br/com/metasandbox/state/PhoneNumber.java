package br.com.metasandbox.state;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A business phone number as the sandbox keeps it (contract §4). */
public record PhoneNumber(
        String id,
        String wabaId,
        String e164,
        String displayPhoneNumber,
        String verifiedName,
        String codeVerificationStatus,
        String nameStatus,
        @Nullable String nameRejectionReason,
        @Nullable String certificate,
        String status,
        String qualityRating,
        String throughputLevel,
        String accountMode,
        String platformType,
        boolean onBizApp,
        @Nullable String twoStepPin,
        @Nullable String dataLocalizationRegion,
        @Nullable String webhookOverrideUri,
        @Nullable Instant lastOnboardedAt,
        Instant createdAt) {

    public static final String VERIFIED = "VERIFIED";
    public static final String NOT_VERIFIED = "NOT_VERIFIED";
    static final String CONNECTED = "CONNECTED";
    public static final String PENDING = "PENDING";
    /** After deregister; the contract lists DISCONNECTED among the (unverified) statuses. */
    public static final String DISCONNECTED = "DISCONNECTED";

    public boolean verified() {
        return VERIFIED.equals(codeVerificationStatus);
    }

    public boolean connected() {
        return CONNECTED.equals(status);
    }

    /** Meta issues the certificate once the display name is approved (product F9; contract §4). */
    public boolean nameApproved() {
        return certificate != null;
    }

    /** Meta has not decided the display name yet. */
    public boolean nameUnderReview() {
        return "PENDING_REVIEW".equals(nameStatus);
    }

    /**
     * The deprecated per-number tier: 250 once the name is approved, {@code TIER_50} before. The contract
     * says the value 50 is unverified; the sandbox follows the product's F8 floor.
     */
    public String messagingLimitTier() {
        return nameApproved() ? "TIER_250" : "TIER_50";
    }

    /** A Brazilian landline: it can get the ownership code by voice call only, never by SMS. */
    public boolean landline() {
        return isBrazilianLandline(e164);
    }

    /**
     * +55, a two-digit area code and eight digits starting 2 to 5 (no 9 after the area code, as every
     * Brazilian mobile has).
     */
    public static boolean isBrazilianLandline(String e164) {
        return e164.matches("\\+55[1-9][1-9][2-5]\\d{7}");
    }

    /** Meta formats wa_ids and webhook display numbers as bare digits. */
    public String digits() {
        return e164.substring(1);
    }
}
