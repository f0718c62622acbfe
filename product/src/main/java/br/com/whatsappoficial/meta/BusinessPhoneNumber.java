package br.com.whatsappoficial.meta;

import org.jspecify.annotations.Nullable;

/**
 * A business phone number as {@code GET /{phone-number-id}} describes it (META-CONTRACT §4). Values
 * stay Meta's strings: Meta adds values without notice, and the account module decides what they mean.
 */
public record BusinessPhoneNumber(
        String id,
        @Nullable String displayPhoneNumber,
        @Nullable String verifiedName,
        @Nullable String codeVerificationStatus,
        @Nullable String qualityRating,
        @Nullable String status,
        @Nullable String nameStatus,
        @Nullable String newNameStatus,
        @Nullable String accountMode,
        @Nullable String platformType,
        @Nullable Boolean isOnBizApp,
        @Nullable Throughput throughput,
        @Nullable String whatsappBusinessManagerMessagingLimit,
        @Nullable String messagingLimitTier,
        @Nullable String certificate,
        @Nullable String newCertificate,
        @Nullable String lastOnboardedTime,
        @Nullable HealthStatus healthStatus) {

    static final String FIELDS = "id,display_phone_number,verified_name,code_verification_status,quality_rating,"
            + "status,name_status,new_name_status,account_mode,platform_type,is_on_biz_app,throughput,"
            + "whatsapp_business_manager_messaging_limit,messaging_limit_tier,certificate,new_certificate,"
            + "last_onboarded_time,health_status";

    public record Throughput(@Nullable String level) {}

    /** Meta says VERIFIED, or one of several spellings of not verified. */
    public boolean codeVerified() {
        return "VERIFIED".equals(codeVerificationStatus);
    }
}
