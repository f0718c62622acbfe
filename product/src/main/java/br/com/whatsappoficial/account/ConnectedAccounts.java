package br.com.whatsappoficial.account;

import br.com.whatsappoficial.meta.BusinessPhoneNumber;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.SealedSecret;
import br.com.whatsappoficial.meta.SecretPurpose;
import br.com.whatsappoficial.meta.SecretVault;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreId;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import br.com.whatsappoficial.webhook.ParkedWebhooks;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current store's connected WABA and numbers: recorded at signup, kept in step with Meta's signals. */
@Component
public class ConnectedAccounts {

    private final StoreScopedJdbc jdbc;
    private final AccountDirectory directory;
    private final SecretVault vault;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final ParkedWebhooks parkedWebhooks;
    private final Clock clock;

    ConnectedAccounts(
            StoreScopedJdbc jdbc,
            AccountDirectory directory,
            SecretVault vault,
            Timeline timeline,
            ApplicationEventPublisher events,
            ParkedWebhooks parkedWebhooks,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.vault = vault;
        this.timeline = timeline;
        this.events = events;
        this.parkedWebhooks = parkedWebhooks;
        this.clock = clock;
    }

    /** Records what the signup produced; refuses a WABA of another store and a number beyond the WABA's cap. */
    @Transactional
    public ConnectOutcome connect(NewConnection connection) {
        StoreId store = CurrentStore.require();
        String wabaId = connection.waba().id();
        Optional<StoreId> owner = directory.storeOfWaba(wabaId);
        if (owner.isPresent() && !owner.get().equals(store)) {
            return ConnectOutcome.WABA_OF_ANOTHER_STORE;
        }
        Optional<StoreId> numberOwner =
                directory.storeOfPhoneNumber(connection.number().id());
        if (numberOwner.isPresent() && !numberOwner.get().equals(store)) {
            return ConnectOutcome.NUMBER_OF_ANOTHER_STORE;
        }
        SealedSecret token = vault.seal(
                store, SecretPurpose.BUSINESS_TOKEN, connection.token().value());
        boolean newWaba = owner.isEmpty();
        if (newWaba) {
            jdbc.sql("""
                            insert into wabas (waba_id, store_id, business_id, name, account_review_status,
                                               business_token, token_expires_at, connected_at)
                            values (:wabaId, :storeId, :businessId, :name, :review, :token, :expires, :now)""")
                    .param("wabaId", wabaId)
                    .param("businessId", connection.businessId())
                    .param("name", connection.waba().name())
                    .param("review", connection.waba().accountReviewStatus())
                    .param("token", token.ciphertext())
                    .param("expires", at(connection.tokenExpiresAt()))
                    .param("now", now())
                    .update();
            events.publishEvent(new WabaConnected(store, wabaId));
        } else {
            jdbc.sql("""
                            update wabas set business_token = :token, token_expires_at = :expires,
                                   token_revoked_at = null, account_review_status = :review
                            where store_id = :storeId and waba_id = :wabaId""")
                    .param("token", token.ciphertext())
                    .param("expires", at(connection.tokenExpiresAt()))
                    .param("review", connection.waba().accountReviewStatus())
                    .param("wabaId", wabaId)
                    .update();
        }
        BusinessPhoneNumber number = connection.number();
        if (hasNumber(number.id())) {
            applyPhoneFields(number);
            // Connecting it again is how a number that left Cloud API comes back.
            jdbc.sql("update phone_numbers set left_at = null, left_event = null"
                            + " where store_id = :storeId and phone_number_id = :id")
                    .param("id", number.id())
                    .update();
            timeline.record(wabaId, number.id(), TimelineKind.RECONNECTED, null);
            return ConnectOutcome.RECONNECTED;
        }
        int numbers = numbersOf(wabaId);
        if (numbers >= maxNumbers(wabaId)) {
            return ConnectOutcome.TOO_MANY_NUMBERS;
        }
        insertNumber(wabaId, number, numbers == 0);
        parkedWebhooks.release(wabaId, number.id());
        timeline.record(
                wabaId,
                number.id(),
                newWaba ? TimelineKind.CONNECTED : TimelineKind.NUMBER_ADDED,
                number.displayPhoneNumber());
        if (number.codeVerified()) {
            timeline.record(wabaId, number.id(), TimelineKind.NUMBER_VERIFIED, null);
        }
        if ("PENDING_REVIEW".equals(number.nameStatus())) {
            timeline.record(wabaId, number.id(), TimelineKind.NAME_UNDER_REVIEW, number.verifiedName());
        }
        return newWaba ? ConnectOutcome.CONNECTED : ConnectOutcome.NUMBER_ADDED;
    }

    /** Stores Meta's latest fields of a number and puts each meaningful change on the timeline. */
    @Transactional
    public void applyPhoneFields(BusinessPhoneNumber fields) {
        AccountRows.lockNumber(jdbc, fields.id());
        Optional<ConnectedNumber> before = number(fields.id());
        if (before.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update phone_numbers set verified_name = coalesce(:name, verified_name),
                               code_verification_status = coalesce(:verification, code_verification_status),
                               status = coalesce(:status, status), name_status = coalesce(:nameStatus, name_status),
                               quality_rating = coalesce(:quality, quality_rating),
                               messaging_limit = case when :limitAt is not null and (messaging_limit_at is null
                                   or messaging_limit_at <= :limitAt) then :limit else messaging_limit end,
                               messaging_limit_at = case when :limitAt is not null and (messaging_limit_at is null
                                   or messaging_limit_at <= :limitAt) then :limitAt else messaging_limit_at end,
                               throughput_level = coalesce(:throughput, throughput_level),
                               on_business_app = coalesce(:onBusinessApp, on_business_app),
                               health_status = :health, last_synced_at = :now
                        where store_id = :storeId and phone_number_id = :id""")
                .param("name", fields.verifiedName())
                .param("verification", fields.codeVerificationStatus())
                .param("status", fields.status())
                .param("nameStatus", fields.nameStatus())
                .param("quality", fields.qualityRating())
                .param("limit", fields.whatsappBusinessManagerMessagingLimit())
                // Read now, so it is as new as the read; a webhook's newer limit stays.
                .param(
                        "limitAt",
                        fields.whatsappBusinessManagerMessagingLimit() == null ? null : now(),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param(
                        "throughput",
                        fields.throughput() == null ? null : fields.throughput().level())
                .param("onBusinessApp", fields.isOnBizApp())
                .param(
                        "health",
                        fields.healthStatus() == null
                                ? null
                                : fields.healthStatus().canSendMessage())
                .param("now", now())
                .param("id", fields.id())
                .update();
        timeline.recordChanges(before.get(), number(fields.id()).orElseThrow());
    }

    /**
     * The merchant shared one of the store's WABAs again without a number (how Embedded Signup renews
     * access to a WABA that already has its numbers): its new token replaces the refused one and the
     * reconnection is on the timeline. False for a WABA this store does not have.
     */
    @Transactional
    public boolean reauthorize(String wabaId, BusinessToken token, @Nullable Instant expiresAt) {
        StoreId store = CurrentStore.require();
        SealedSecret sealed = vault.seal(store, SecretPurpose.BUSINESS_TOKEN, token.value());
        int updated = jdbc.sql("""
                        update wabas set business_token = :token, token_expires_at = :expires, token_revoked_at = null
                        where store_id = :storeId and waba_id = :wabaId""")
                .param("token", sealed.ciphertext())
                .param("expires", at(expiresAt))
                .param("wabaId", wabaId)
                .update();
        if (updated == 0) {
            return false;
        }
        timeline.record(wabaId, null, TimelineKind.RECONNECTED, null);
        events.publishEvent(new WabaConnected(store, wabaId));
        return true;
    }

    /**
     * Makes one of the store's numbers the one campaigns use; the others stay connected and receive. One
     * statement flips them all, so two admins choosing at once still leave exactly one active number.
     */
    @Transactional
    public void activate(String phoneNumberId) {
        ConnectedNumber chosen =
                number(phoneNumberId).orElseThrow(() -> new NumberNotActivatable(phoneNumberId, false));
        if (!chosen.verdict().status().sends()) {
            throw new NumberNotActivatable(phoneNumberId, true);
        }
        if (chosen.active()) {
            return;
        }
        jdbc.sql("update phone_numbers set active = (phone_number_id = :id) where store_id = :storeId")
                .param("id", phoneNumberId)
                .update();
        timeline.record(
                chosen.wabaId(),
                phoneNumberId,
                TimelineKind.NUMBER_ACTIVATED,
                chosen.number().display());
    }

    /** The WABA's business token, opened from the vault; empty once Meta revoked it. */
    public Optional<BusinessToken> businessToken(String wabaId) {
        StoreId store = CurrentStore.require();
        return jdbc.sql(
                        "select business_token from wabas where store_id = :storeId and waba_id = :id and token_revoked_at is null")
                .param("id", wabaId)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .map(ciphertext -> new BusinessToken(
                        vault.open(store, SecretPurpose.BUSINESS_TOKEN, new SealedSecret(ciphertext))));
    }

    /**
     * Meta refused {@code refused} (code 190 family), a token read a moment ago: revoked as {@link
     * #tokenRevoked(String)} when it is still the WABA's token; false when the WABA holds another one by now
     * (the merchant connected again) or none.
     */
    @Transactional
    public boolean tokenRevoked(String wabaId, BusinessToken refused) {
        StoreId store = CurrentStore.require();
        boolean current = jdbc.sql("""
                        select business_token from wabas
                        where store_id = :storeId and waba_id = :id and token_revoked_at is null for update""")
                .param("id", wabaId)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .map(ciphertext -> vault.open(store, SecretPurpose.BUSINESS_TOKEN, new SealedSecret(ciphertext)))
                .filter(refused.value()::equals)
                .isPresent();
        if (current) {
            tokenRevoked(wabaId);
        }
        return current;
    }

    /** Meta refused the token (code 190 family): the merchant must reconnect; inbound events keep flowing. */
    @Transactional
    public void tokenRevoked(String wabaId) {
        int changed = jdbc.sql(
                        "update wabas set token_revoked_at = :now where store_id = :storeId and waba_id = :id and token_revoked_at is null")
                .param("now", now())
                .param("id", wabaId)
                .update();
        if (changed > 0) {
            timeline.record(wabaId, null, TimelineKind.TOKEN_REVOKED, null);
        }
    }

    /** Whether the store has connected any WABA (without reading its numbers and timeline). */
    public boolean anyConnected() {
        return AccountRows.firstWaba(jdbc).isPresent();
    }

    /** The first WABA the store connected, with its numbers and timeline. */
    public Optional<AccountOverview> overview() {
        return AccountRows.firstWaba(jdbc).map(this::overviewOf);
    }

    /** Every WABA linked to the store, the first connected first: a second one never goes unseen. */
    public List<AccountOverview> overviews() {
        return AccountRows.wabas(jdbc).stream().map(this::overviewOf).toList();
    }

    /**
     * The store's WABAs (the first connected first) with their numbers, without their timelines: what a
     * send decides on, many times a second during a campaign.
     */
    public Map<Waba, List<ConnectedNumber>> numbersByWaba() {
        return AccountRows.numbersByWaba(jdbc);
    }

    private AccountOverview overviewOf(Waba waba) {
        return new AccountOverview(waba, AccountRows.numbers(jdbc, waba.wabaId()), timeline.of(waba.wabaId()));
    }

    public Optional<ConnectedNumber> number(String phoneNumberId) {
        return AccountRows.number(jdbc, phoneNumberId);
    }

    private boolean hasNumber(String phoneNumberId) {
        return number(phoneNumberId).isPresent();
    }

    private int numbersOf(String wabaId) {
        return jdbc.sql("select count(*) from phone_numbers where store_id = :storeId and waba_id = :id")
                .param("id", wabaId)
                .query(Integer.class)
                .single();
    }

    private int maxNumbers(String wabaId) {
        return jdbc.sql("select max_numbers from wabas where store_id = :storeId and waba_id = :id")
                .param("id", wabaId)
                .query(Integer.class)
                .single();
    }

    private void insertNumber(String wabaId, BusinessPhoneNumber number, boolean active) {
        BrazilianPhoneNumber e164 = BrazilianPhoneNumber.parse(number.displayPhoneNumber());
        jdbc.sql("""
                        insert into phone_numbers (phone_number_id, store_id, waba_id, e164, verified_name,
                               code_verification_status, status, name_status, quality_rating, messaging_limit,
                               health_status, throughput_level, on_business_app, active, created_at, last_synced_at,
                               next_sync_at)
                        values (:id, :storeId, :wabaId, :e164, :name, :verification, :status, :nameStatus,
                                :quality, :limit, :health, :throughput, :onBusinessApp, :active, :now, :now, :now)""")
                .param("id", number.id())
                .param("wabaId", wabaId)
                .param("e164", e164.e164())
                .param("name", number.verifiedName())
                .param("verification", number.codeVerificationStatus())
                .param("status", number.status())
                .param("nameStatus", number.nameStatus())
                .param("quality", number.qualityRating())
                .param("limit", number.whatsappBusinessManagerMessagingLimit())
                .param(
                        "health",
                        number.healthStatus() == null
                                ? null
                                : number.healthStatus().canSendMessage())
                .param(
                        "throughput",
                        number.throughput() == null ? null : number.throughput().level())
                .param("onBusinessApp", number.isOnBizApp())
                .param("active", active)
                .param("now", now())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    List<ConnectedNumber> numbers(String wabaId) {
        return AccountRows.numbers(jdbc, wabaId);
    }
}
