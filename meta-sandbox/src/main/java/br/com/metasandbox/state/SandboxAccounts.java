package br.com.metasandbox.state;

import static br.com.metasandbox.state.SqlTimes.instant;
import static br.com.metasandbox.state.SqlTimes.requiredInstant;
import static br.com.metasandbox.state.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox's businesses, WABAs and phone numbers. */
@Repository
public class SandboxAccounts {

    private final JdbcClient jdbc;

    SandboxAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Business business) {
        jdbc.sql("""
                        insert into sandbox_businesses (business_id, name, system_user_id, verification_status, created_at)
                        values (:id, :name, :user, :verification, :created)""")
                .param("id", business.id())
                .param("name", business.name())
                .param("user", business.systemUserId())
                .param("verification", business.verificationStatus())
                .param("created", utc(business.createdAt()))
                .update();
    }

    public void insert(WhatsAppBusinessAccount waba) {
        jdbc.sql("""
                        insert into sandbox_wabas (waba_id, business_id, name, currency, timezone_id, template_namespace,
                            account_review_status, country, ownership_type, app_subscribed, created_at)
                        values (:id, :business, :name, :currency, :timezone, :namespace, :review, :country, :ownership,
                            false, :created)""")
                .param("id", waba.id())
                .param("business", waba.businessId())
                .param("name", waba.name())
                .param("currency", waba.currency())
                .param("timezone", waba.timezoneId())
                .param("namespace", waba.templateNamespace())
                .param("review", waba.accountReviewStatus())
                .param("country", waba.country())
                .param("ownership", waba.ownershipType())
                .param("created", utc(waba.createdAt()))
                .update();
    }

    public void insert(PhoneNumber phone) {
        jdbc.sql("""
                        insert into sandbox_phones (phone_id, waba_id, e164, display_phone_number, verified_name,
                            code_verification_status, name_status, status, quality_rating, throughput_level, account_mode,
                            platform_type, is_on_biz_app, created_at)
                        values (:id, :waba, :e164, :display, :name, :verification, :nameStatus, :status, :quality,
                            :throughput, :mode, :platform, :bizApp, :created)""")
                .param("id", phone.id())
                .param("waba", phone.wabaId())
                .param("e164", phone.e164())
                .param("display", phone.displayPhoneNumber())
                .param("name", phone.verifiedName())
                .param("verification", phone.codeVerificationStatus())
                .param("nameStatus", phone.nameStatus())
                .param("status", phone.status())
                .param("quality", phone.qualityRating())
                .param("throughput", phone.throughputLevel())
                .param("mode", phone.accountMode())
                .param("platform", phone.platformType())
                .param("bizApp", phone.onBizApp())
                .param("created", utc(phone.createdAt()))
                .update();
    }

    public Optional<Business> business(String id) {
        return jdbc.sql("select * from sandbox_businesses where business_id = :id")
                .param("id", id)
                .query(SandboxAccounts::business)
                .optional();
    }

    public Optional<WhatsAppBusinessAccount> waba(String id) {
        return jdbc.sql("select * from sandbox_wabas where waba_id = :id")
                .param("id", id)
                .query(SandboxAccounts::waba)
                .optional();
    }

    /** The business's WABAs, newest first (the order of debug_token's target_ids [doc]). */
    public List<WhatsAppBusinessAccount> wabasOf(String businessId) {
        return jdbc.sql("select * from sandbox_wabas where business_id = :id order by created_at desc, waba_id desc")
                .param("id", businessId)
                .query(SandboxAccounts::waba)
                .list();
    }

    public Optional<PhoneNumber> phone(String id) {
        return jdbc.sql("select * from sandbox_phones where phone_id = :id")
                .param("id", id)
                .query(SandboxAccounts::phone)
                .optional();
    }

    public List<PhoneNumber> phonesOf(String wabaId) {
        return jdbc.sql("select * from sandbox_phones where waba_id = :id order by created_at desc, phone_id desc")
                .param("id", wabaId)
                .query(SandboxAccounts::phone)
                .list();
    }

    /** The business that owns a WABA or a phone number, if the id is either. */
    Optional<String> ownerOf(String objectId) {
        return jdbc.sql("""
                        select w.business_id from sandbox_wabas w where w.waba_id = :id
                        union all
                        select w.business_id from sandbox_phones p join sandbox_wabas w on w.waba_id = p.waba_id
                        where p.phone_id = :id""").param("id", objectId).query(String.class).optional();
    }

    public void setReviewStatus(String wabaId, String status) {
        updated(jdbc.sql("update sandbox_wabas set account_review_status = :status where waba_id = :id")
                .param("status", status)
                .param("id", wabaId)
                .update());
    }

    public void setMessagingLimit(String businessId, String limit) {
        updated(jdbc.sql("update sandbox_businesses set messaging_limit = :limit where business_id = :id")
                .param("limit", limit)
                .param("id", businessId)
                .update());
    }

    public void setBanState(String wabaId, String state) {
        updated(jdbc.sql("update sandbox_wabas set ban_state = :state where waba_id = :id")
                .param("state", state)
                .param("id", wabaId)
                .update());
    }

    public void setQuality(String phoneId, String quality) {
        updated(jdbc.sql("update sandbox_phones set quality_rating = :quality where phone_id = :id")
                .param("quality", quality)
                .param("id", phoneId)
                .update());
    }

    /** Every business, newest first (the console's list). */
    public List<Business> businesses() {
        return jdbc.sql("select * from sandbox_businesses order by created_at desc, business_id")
                .query(SandboxAccounts::business)
                .list();
    }

    /** Numbers with this e164, in any WABA. */
    public List<PhoneNumber> phonesWithNumber(String e164) {
        return jdbc.sql("select * from sandbox_phones where e164 = :e164")
                .param("e164", e164)
                .query(SandboxAccounts::phone)
                .list();
    }

    public void setSubscription(
            String wabaId, boolean subscribed, @Nullable String overrideUri, @Nullable String verifyToken) {
        updated(jdbc.sql("""
                        update sandbox_wabas set app_subscribed = :subscribed, override_callback_uri = :uri,
                            override_verify_token = :token
                        where waba_id = :id""")
                .param("subscribed", subscribed)
                .param("uri", overrideUri)
                .param("token", verifyToken)
                .param("id", wabaId)
                .update());
    }

    public void setName(
            String phoneId, String nameStatus, @Nullable String rejectionReason, @Nullable String certificate) {
        updated(jdbc.sql("""
                        update sandbox_phones set name_status = :status, name_rejection_reason = :reason,
                            certificate = :certificate
                        where phone_id = :id""")
                .param("status", nameStatus)
                .param("reason", rejectionReason)
                .param("certificate", certificate)
                .param("id", phoneId)
                .update());
    }

    public void setCodeVerificationStatus(String phoneId, String status) {
        updated(jdbc.sql("update sandbox_phones set code_verification_status = :status where phone_id = :id")
                .param("status", status)
                .param("id", phoneId)
                .update());
    }

    public void setRegistered(String phoneId, String pin, @Nullable String region, Instant now) {
        updated(jdbc.sql("""
                        update sandbox_phones set status = 'CONNECTED', two_step_pin = :pin,
                            data_localization_region = :region, last_onboarded_at = :now
                        where phone_id = :id""")
                .param("pin", pin)
                .param("region", region)
                .param("now", utc(now))
                .param("id", phoneId)
                .update());
    }

    /**
     * The number joined Cloud API from the WhatsApp Business app: it stays on the app
     * ({@code is_on_biz_app}), is connected without a register call, and its ownership was shown in the app.
     */
    public void setOnBusinessApp(String phoneId, Instant now) {
        updated(jdbc.sql("""
                        update sandbox_phones set status = 'CONNECTED', is_on_biz_app = true,
                            code_verification_status = 'VERIFIED', last_onboarded_at = :now
                        where phone_id = :id""").param("now", utc(now)).param("id", phoneId).update());
    }

    public void setStatus(String phoneId, String status) {
        updated(jdbc.sql("update sandbox_phones set status = :status where phone_id = :id")
                .param("status", status)
                .param("id", phoneId)
                .update());
    }

    public void setTwoStepPin(String phoneId, String pin) {
        updated(jdbc.sql("update sandbox_phones set two_step_pin = :pin where phone_id = :id")
                .param("pin", pin)
                .param("id", phoneId)
                .update());
    }

    public void setWebhookOverride(String phoneId, @Nullable String uri, @Nullable String verifyToken) {
        updated(jdbc.sql("""
                        update sandbox_phones set webhook_override_uri = :uri, webhook_verify_token = :token
                        where phone_id = :id""")
                .param("uri", uri)
                .param("token", verifyToken)
                .param("id", phoneId)
                .update());
    }

    private static void updated(int rows) {
        if (rows != 1) {
            throw new IllegalArgumentException("No such sandbox object");
        }
    }

    private static Business business(ResultSet rs, int row) throws SQLException {
        return new Business(
                rs.getString("business_id"),
                rs.getString("name"),
                rs.getString("system_user_id"),
                rs.getString("verification_status"),
                rs.getString("messaging_limit"),
                requiredInstant(rs, "created_at"));
    }

    private static WhatsAppBusinessAccount waba(ResultSet rs, int row) throws SQLException {
        return new WhatsAppBusinessAccount(
                rs.getString("waba_id"),
                rs.getString("business_id"),
                rs.getString("name"),
                rs.getString("currency"),
                rs.getString("timezone_id"),
                rs.getString("template_namespace"),
                rs.getString("account_review_status"),
                rs.getString("country"),
                rs.getString("ownership_type"),
                rs.getBoolean("app_subscribed"),
                rs.getString("override_callback_uri"),
                rs.getString("override_verify_token"),
                rs.getString("ban_state"),
                requiredInstant(rs, "created_at"));
    }

    private static PhoneNumber phone(ResultSet rs, int row) throws SQLException {
        return new PhoneNumber(
                rs.getString("phone_id"),
                rs.getString("waba_id"),
                rs.getString("e164"),
                rs.getString("display_phone_number"),
                rs.getString("verified_name"),
                rs.getString("code_verification_status"),
                rs.getString("name_status"),
                rs.getString("name_rejection_reason"),
                rs.getString("certificate"),
                rs.getString("status"),
                rs.getString("quality_rating"),
                rs.getString("throughput_level"),
                rs.getString("account_mode"),
                rs.getString("platform_type"),
                rs.getBoolean("is_on_biz_app"),
                rs.getString("two_step_pin"),
                rs.getString("data_localization_region"),
                rs.getString("webhook_override_uri"),
                instant(rs, "last_onboarded_at"),
                requiredInstant(rs, "created_at"));
    }
}
