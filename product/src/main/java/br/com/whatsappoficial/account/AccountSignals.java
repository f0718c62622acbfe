package br.com.whatsappoficial.account;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what Meta says about the current store's accounts after the signup (name decisions, reviews,
 * ban states, messaging limits): each change is stored under the number's row lock and, when it changes
 * something, put on the timeline; a redelivered or older signal changes nothing.
 */
@Component
class AccountSignals {

    private final StoreScopedJdbc jdbc;
    private final Timeline timeline;
    private final Clock clock;

    AccountSignals(StoreScopedJdbc jdbc, Timeline timeline, Clock clock) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Meta's phone_number_name_update: the display name of one of the WABA's numbers was reviewed. */
    @Transactional
    void displayNameReviewed(
            String wabaId,
            String displayPhoneNumber,
            String decision,
            @Nullable String reason,
            @Nullable Instant decidedAt) {
        String e164 = "+" + displayPhoneNumber.replaceAll("\\D", "");
        String nameStatus = switch (decision) {
            case "APPROVED" -> "APPROVED";
            case "REJECTED" -> "DECLINED";
            default -> "PENDING_REVIEW";
        };
        List<String> phones = jdbc.sql(
                        "select phone_number_id from phone_numbers where store_id = :storeId and waba_id = :wabaId and e164 = :e164")
                .param("wabaId", wabaId)
                .param("e164", e164)
                .query(String.class)
                .list();
        for (String phone : phones) {
            AccountRows.lockNumber(jdbc, phone);
            ConnectedNumber before = AccountRows.number(jdbc, phone).orElseThrow();
            NameDecision previous = nameDecision(phone);
            // Meta does not deliver in order: a decision older than the one applied changes nothing.
            String newerOnly = decidedAt == null ? "" : " and (name_decided_at is null or name_decided_at <= :at)";
            int applied = jdbc.sql("update phone_numbers set name_status = :status, name_rejection_reason = :reason,"
                            + " name_decided_at = coalesce(:at, name_decided_at)"
                            + " where store_id = :storeId and phone_number_id = :id" + newerOnly)
                    .param("status", nameStatus)
                    .param("reason", "DECLINED".equals(nameStatus) ? reason : null)
                    .param("at", at(decidedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("id", phone)
                    .update();
            timeline.recordChanges(before, AccountRows.number(jdbc, phone).orElseThrow());
            // Each rejection is a review of a name the merchant sent: one line each, not only the first,
            // so the merchant sees every reason. A replay of the same decision is not a new rejection.
            if (applied > 0
                    && "DECLINED".equals(previous.status())
                    && "DECLINED".equals(nameStatus)
                    && !previous.sameAs(reason, decidedAt)) {
                timeline.recordNameRejection(wabaId, phone, reason);
            }
        }
    }

    private NameDecision nameDecision(String phone) {
        return jdbc.sql("select name_status, name_rejection_reason, name_decided_at from phone_numbers"
                        + " where store_id = :storeId and phone_number_id = :id")
                .param("id", phone)
                .query((rs, row) -> new NameDecision(
                        rs.getString("name_status"),
                        rs.getString("name_rejection_reason"),
                        rs.getObject("name_decided_at", OffsetDateTime.class)))
                .single();
    }

    /** The name decision a number holds, to tell a new one from a replay. */
    private record NameDecision(
            @Nullable String status,
            @Nullable String reason,
            @Nullable OffsetDateTime decidedAt) {

        boolean sameAs(@Nullable String otherReason, @Nullable Instant otherDecidedAt) {
            return Objects.equals(reason, otherReason)
                    && Objects.equals(decidedAt == null ? null : decidedAt.toInstant(), otherDecidedAt);
        }
    }

    /**
     * The portfolio's messaging limit changed (business_capability_update, or the limit a
     * phone_number_quality_update carries): every number of the WABA shares it. A redelivered event adds
     * no timeline line, and one older than the limit the number has changes nothing.
     */
    @Transactional
    void messagingLimitChanged(String wabaId, String limit, @Nullable Instant at) {
        // A limit Meta sent without a time is as new as its arrival.
        OffsetDateTime since = at == null ? now() : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        for (String phone : phonesOf(wabaId)) {
            AccountRows.lockNumber(jdbc, phone);
            ConnectedNumber before = AccountRows.number(jdbc, phone).orElseThrow();
            jdbc.sql("""
                            update phone_numbers set messaging_limit = :limit, messaging_limit_at = :since
                            where store_id = :storeId and phone_number_id = :id
                              and (messaging_limit_at is null or messaging_limit_at <= :since)""")
                    .param("limit", limit)
                    .param("since", since)
                    .param("id", phone)
                    .update();
            timeline.recordChanges(before, AccountRows.number(jdbc, phone).orElseThrow());
        }
    }

    /**
     * Meta says something moved for the WABA's numbers (quality, throughput, limits) without the values
     * that tell the status: read them from Meta now instead of at the next scheduled reconciliation.
     */
    @Transactional
    void readFromMetaSoon(String wabaId) {
        jdbc.sql("update phone_numbers set next_sync_at = :now where store_id = :storeId and waba_id = :wabaId")
                .param("now", now())
                .param("wabaId", wabaId)
                .update();
    }

    private List<String> phonesOf(String wabaId) {
        return jdbc.sql("select phone_number_id from phone_numbers where store_id = :storeId and waba_id = :wabaId")
                .param("wabaId", wabaId)
                .query(String.class)
                .list();
    }

    /** Meta's account_review_update. */
    @Transactional
    void accountReviewed(String wabaId, String decision) {
        int changed = jdbc.sql(
                        "update wabas set account_review_status = :decision where store_id = :storeId"
                                + " and waba_id = :id and (account_review_status is null or account_review_status <> :decision)")
                .param("decision", decision)
                .param("id", wabaId)
                .update();
        if (changed > 0) {
            timeline.record(wabaId, null, TimelineKind.ACCOUNT_REVIEWED, decision);
        }
    }

    /** Meta's account_update DISABLED_UPDATE: the WABA is scheduled for disabling, disabled or reinstated. */
    @Transactional
    void banStateChanged(String wabaId, String banState) {
        String state = "REINSTATE".equals(banState) ? null : banState;
        // Idempotent: a redelivered event (at-least-once) changes nothing and adds no timeline line.
        int changed = jdbc.sql("update wabas set ban_state = :state where store_id = :storeId and waba_id = :id"
                        + " and (ban_state is distinct from :state)")
                .param("state", state)
                .param("id", wabaId)
                .update();
        if (changed > 0) {
            timeline.record(wabaId, null, TimelineKind.STATUS_CHANGED, banState);
        }
    }

    /**
     * Meta's account_update about the WABA leaving Cloud API: PARTNER_REMOVED (the business removed our
     * access) or ACCOUNT_OFFBOARDED (a coexistence number's app moved phone or was registered again); its
     * numbers stop sending. ACCOUNT_RECONNECTED brings them back. A redelivered event adds no timeline line.
     */
    @Transactional
    void leftCloudApi(String wabaId, String event, @Nullable Instant at) {
        boolean back = "ACCOUNT_RECONNECTED".equals(event);
        OffsetDateTime when = at == null ? now() : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        for (String phone : phonesOf(wabaId)) {
            AccountRows.lockNumber(jdbc, phone);
            int changed = back
                    ? jdbc.sql("""
                                    update phone_numbers set left_at = null, left_event = null
                                    where store_id = :storeId and phone_number_id = :id and left_at is not null
                                      and left_at <= :at""").param("id", phone).param("at", when).update()
                    : jdbc.sql("""
                                    update phone_numbers set left_at = :at, left_event = :event
                                    where store_id = :storeId and phone_number_id = :id
                                      and (left_event is distinct from :event)""")
                            .param("id", phone)
                            .param("at", when)
                            .param("event", event)
                            .update();
            if (changed > 0) {
                timeline.record(
                        wabaId, phone, back ? TimelineKind.BACK_ON_CLOUD_API : TimelineKind.LEFT_CLOUD_API, event);
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
