package br.com.whatsappoficial.meta;

import org.jspecify.annotations.Nullable;

/** A WABA as {@code GET /{waba-id}} describes it (META-CONTRACT §3). */
public record WhatsAppBusinessAccount(
        String id,
        @Nullable String name,
        @Nullable String currency,
        @Nullable String timezoneId,
        @Nullable String messageTemplateNamespace,
        @Nullable String accountReviewStatus,
        @Nullable String businessVerificationStatus,
        @Nullable String country,
        @Nullable String ownershipType,
        @Nullable HealthStatus healthStatus,
        @Nullable OwnerBusinessInfo ownerBusinessInfo) {

    static final String FIELDS = "id,name,currency,timezone_id,message_template_namespace,account_review_status,"
            + "business_verification_status,country,ownership_type,health_status,owner_business_info";

    /** The business portfolio that owns the WABA: the merchant's business, as Meta (not the browser) says. */
    public record OwnerBusinessInfo(String id, @Nullable String name) {}

    /** The owning portfolio's id, when Meta told it. */
    public @Nullable String ownerBusinessId() {
        return ownerBusinessInfo == null ? null : ownerBusinessInfo.id();
    }
}
