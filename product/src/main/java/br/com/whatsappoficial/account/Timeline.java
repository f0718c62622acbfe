package br.com.whatsappoficial.account;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The current store's account timeline (B11): what happened, when, in Meta's own words where it gave any. */
@Component
public class Timeline {

    private final StoreScopedJdbc jdbc;
    private final Clock clock;

    Timeline(StoreScopedJdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String wabaId, @Nullable String phoneNumberId, TimelineKind kind, @Nullable String detail) {
        jdbc.sql("""
                        insert into account_timeline (entry_id, store_id, waba_id, phone_number_id, kind, detail, occurred_at)
                        values (:id, :storeId, :wabaId, :phone, :kind, :detail, :now)""")
                .param("id", UUID.randomUUID())
                .param("wabaId", wabaId)
                .param("phone", phoneNumberId)
                .param("kind", kind.name())
                .param("detail", detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    /**
     * A name rejection with Meta's reason. Reading the number from Meta may have put the rejection on the
     * timeline first, without a reason (the Graph API does not give one): the webhook's reason then completes
     * that line instead of adding a second one for the same decision.
     */
    void recordNameRejection(String wabaId, String phoneNumberId, @Nullable String reason) {
        int completed = jdbc.sql("""
                        update account_timeline set detail = :reason
                        where store_id = :storeId and phone_number_id = :phone and kind = 'NAME_REJECTED'
                          and detail is null
                          and seq = (select max(seq) from account_timeline
                                     where store_id = :storeId and phone_number_id = :phone and kind = 'NAME_REJECTED')""")
                .param("reason", reason)
                .param("phone", phoneNumberId)
                .update();
        if (completed == 0 || reason == null) {
            record(wabaId, phoneNumberId, TimelineKind.NAME_REJECTED, reason);
        }
    }

    /** Records what happens once for a WABA whatever its numbers (the app's subscription to its webhooks). */
    public void recordOnce(String wabaId, TimelineKind kind) {
        jdbc.sql("""
                        insert into account_timeline (entry_id, store_id, waba_id, phone_number_id, kind, detail, occurred_at)
                        select :id, :storeId, :wabaId, null, :kind, null, :now
                        where not exists (select 1 from account_timeline
                                          where store_id = :storeId and waba_id = :wabaId and kind = :kind)""")
                .param("id", UUID.randomUUID())
                .param("wabaId", wabaId)
                .param("kind", kind.name())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    /** Newest first. */
    public List<TimelineEntry> of(String wabaId) {
        return jdbc.sql("""
                        select occurred_at, kind, phone_number_id, detail from account_timeline
                        where store_id = :storeId and waba_id = :wabaId order by occurred_at desc, seq desc""")
                .param("wabaId", wabaId)
                .query((rs, n) -> new TimelineEntry(
                        AccountRows.instant(rs, "occurred_at"),
                        TimelineKind.valueOf(rs.getString("kind")),
                        rs.getString("phone_number_id"),
                        rs.getString("detail")))
                .list();
    }

    /** Puts on the timeline what changed between two readings of a number. */
    void recordChanges(ConnectedNumber before, ConnectedNumber after) {
        String waba = after.wabaId();
        String phone = after.phoneNumberId();
        MetaSignals was = before.signals();
        MetaSignals is = after.signals();
        if (!"VERIFIED".equals(was.codeVerificationStatus()) && "VERIFIED".equals(is.codeVerificationStatus())) {
            record(waba, phone, TimelineKind.NUMBER_VERIFIED, null);
        }
        if (!Objects.equals(was.nameStatus(), is.nameStatus())) {
            if ("APPROVED".equals(is.nameStatus()) || "AVAILABLE_WITHOUT_REVIEW".equals(is.nameStatus())) {
                record(waba, phone, TimelineKind.NAME_APPROVED, after.verifiedName());
            } else if ("DECLINED".equals(is.nameStatus())) {
                record(waba, phone, TimelineKind.NAME_REJECTED, is.nameRejectionReason());
            }
        }
        if (!Objects.equals(was.phoneStatus(), is.phoneStatus()) && "CONNECTED".equals(is.phoneStatus())) {
            record(waba, phone, TimelineKind.REGISTERED, null);
        }
        if (!Objects.equals(before.messagingLimit(), after.messagingLimit()) && after.messagingLimit() != null) {
            record(waba, phone, TimelineKind.LIMIT_CHANGED, after.messagingLimit());
        }
        if (!Objects.equals(before.qualityRating(), after.qualityRating()) && before.qualityRating() != null) {
            record(waba, phone, TimelineKind.QUALITY_CHANGED, after.qualityRating());
        }
    }
}
