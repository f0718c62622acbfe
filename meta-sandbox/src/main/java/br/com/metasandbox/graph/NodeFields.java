package br.com.metasandbox.graph;

import br.com.metasandbox.MetaApp;
import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Renders WABA and phone-number nodes with the requested fields (contract §3, §4). */
@Component
class NodeFields {

    static final List<String> WABA_DEFAULT = List.of("id", "name");
    static final Set<String> WABA_FIELDS = Set.of(
            "id",
            "name",
            "currency",
            "timezone_id",
            "message_template_namespace",
            "account_review_status",
            "business_verification_status",
            "country",
            "ownership_type",
            "primary_business_location",
            "is_enabled_for_insights",
            "health_status",
            "owner_business_info");

    static final List<String> PHONE_DEFAULT = List.of("id", "display_phone_number", "verified_name", "quality_rating");
    /** What the phone_numbers edge returns without {@code fields}, as in the reference example [doc]. */
    static final List<String> PHONE_EDGE_DEFAULT = List.of(
            "verified_name",
            "code_verification_status",
            "display_phone_number",
            "quality_rating",
            "platform_type",
            "throughput",
            "webhook_configuration",
            "id");

    static final Set<String> PHONE_FIELDS = Set.of(
            "id",
            "display_phone_number",
            "verified_name",
            "code_verification_status",
            "quality_rating",
            "status",
            "name_status",
            "new_name_status",
            "certificate",
            "new_certificate",
            "messaging_limit_tier",
            "whatsapp_business_manager_messaging_limit",
            "throughput",
            "account_mode",
            "platform_type",
            "is_on_biz_app",
            "is_pin_enabled",
            "is_official_business_account",
            "last_onboarded_time",
            "health_status",
            "webhook_configuration");

    /** Graph's datetime format, e.g. "2025-11-03T14:05:53+0000". */
    private static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

    private final SandboxAccounts accounts;
    private final MetaApp settings;

    NodeFields(SandboxAccounts accounts, MetaApp settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    Map<String, Object> waba(WhatsAppBusinessAccount waba, FieldSelection fields) {
        Business business = accounts.business(waba.businessId()).orElseThrow();
        Map<String, Object> node = new LinkedHashMap<>();
        for (String field : fields.names()) {
            switch (field) {
                case "id" -> node.put("id", waba.id());
                case "name" -> node.put("name", waba.name());
                case "currency" -> node.put("currency", waba.currency());
                case "timezone_id" -> node.put("timezone_id", waba.timezoneId());
                case "message_template_namespace" -> node.put(field, waba.templateNamespace());
                case "account_review_status" ->
                    // DEFERRED exists in the review webhook only [doc]; the field says PENDING then (unverified).
                    node.put(
                            field,
                            "DEFERRED".equals(waba.accountReviewStatus()) ? "PENDING" : waba.accountReviewStatus());
                case "business_verification_status" -> node.put(field, business.verificationStatus());
                case "country" -> node.put("country", waba.country());
                case "ownership_type" -> node.put(field, waba.ownershipType());
                case "primary_business_location" -> node.put(field, waba.country());
                case "is_enabled_for_insights" -> node.put(field, false);
                case "health_status" -> node.put(field, HealthStatusField.of(null, waba, settings.appId()));
                case "owner_business_info" -> node.put(field, Map.of("id", business.id(), "name", business.name()));
                default -> throw GraphRefusal.nonexistingField(field, "WhatsAppBusinessAccount");
            }
        }
        return node;
    }

    Map<String, Object> phone(PhoneNumber phone, FieldSelection fields) {
        Map<String, Object> node = new LinkedHashMap<>();
        for (String field : fields.names()) {
            switch (field) {
                case "id" -> node.put("id", phone.id());
                case "display_phone_number" -> node.put(field, phone.displayPhoneNumber());
                case "verified_name" -> node.put(field, phone.verifiedName());
                case "code_verification_status" -> node.put(field, phone.codeVerificationStatus());
                case "quality_rating" -> node.put(field, phone.qualityRating());
                case "status" -> node.put(field, phone.status());
                case "name_status" -> node.put(field, phone.nameStatus());
                case "certificate" -> {
                    if (phone.certificate() != null) {
                        node.put(field, phone.certificate());
                    }
                }
                case "new_name_status", "new_certificate" -> {
                    // Only during a display-name change, which the sandbox does not simulate yet.
                }
                case "messaging_limit_tier" -> node.put(field, phone.messagingLimitTier());
                case "whatsapp_business_manager_messaging_limit" ->
                    node.put(
                            field,
                            accounts.business(waba(phone).businessId())
                                    .orElseThrow()
                                    .messagingLimit());
                case "throughput" -> node.put(field, Map.of("level", phone.throughputLevel()));
                case "account_mode" -> node.put(field, phone.accountMode());
                case "platform_type" -> node.put(field, phone.platformType());
                case "is_on_biz_app" -> node.put(field, phone.onBizApp());
                case "is_pin_enabled" -> node.put(field, phone.twoStepPin() != null);
                case "is_official_business_account" -> node.put(field, false);
                case "last_onboarded_time" -> {
                    if (phone.lastOnboardedAt() != null) {
                        node.put(field, GRAPH_TIME.format(phone.lastOnboardedAt()));
                    }
                }
                case "health_status" -> node.put(field, HealthStatusField.of(phone, waba(phone), settings.appId()));
                case "webhook_configuration" -> webhookConfiguration(phone, node);
                default -> throw GraphRefusal.nonexistingField(field, "WhatsAppBusinessPhoneNumber");
            }
        }
        return node;
    }

    /**
     * The overrides set on the number and its WABA [doc]. The app's own callback URL ("application") is
     * configured in Meta's App Dashboard, which the sandbox does not know yet, so it is left out.
     */
    private void webhookConfiguration(PhoneNumber phone, Map<String, Object> node) {
        Map<String, Object> configuration = new LinkedHashMap<>();
        if (phone.webhookOverrideUri() != null) {
            configuration.put("phone_number", phone.webhookOverrideUri());
        }
        String wabaOverride = waba(phone).overrideCallbackUri();
        if (wabaOverride != null) {
            configuration.put("whatsapp_business_account", wabaOverride);
        }
        if (!configuration.isEmpty()) {
            node.put("webhook_configuration", configuration);
        }
    }

    private WhatsAppBusinessAccount waba(PhoneNumber phone) {
        return accounts.waba(phone.wabaId()).orElseThrow();
    }
}
