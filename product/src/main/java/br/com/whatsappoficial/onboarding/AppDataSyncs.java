package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.meta.AppDataSync;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import br.com.whatsappoficial.webhook.AppContactsSynced;
import br.com.whatsappoficial.webhook.AppHistoryReceived;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The current store's syncs of WhatsApp Business app data: what was asked of Meta, and what its webhooks
 * brought. Chunks arrive out of order and some twice: each counts once, and the progress only goes up.
 */
@Component
class AppDataSyncs {

    private final StoreScopedJdbc jdbc;
    private final Clock clock;

    AppDataSyncs(StoreScopedJdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The number joined from the app now: its 24 h to ask for the app's data start. */
    void start(String phoneNumberId) {
        jdbc.sql("""
                        insert into app_data_syncs (phone_number_id, store_id, onboarded_at)
                        values (:id, :storeId, :now) on conflict do nothing""")
                .param("id", phoneNumberId)
                .param("now", at(clock.instant()))
                .update();
    }

    /**
     * The number joined again from the app after leaving Cloud API: a new 24 h, nothing asked for yet, and
     * the earlier history's chunks forgotten (Meta numbers the new sync's chunks from the start).
     */
    void restart(String phoneNumberId) {
        jdbc.sql("delete from app_history_chunks where store_id = :storeId and phone_number_id = :id")
                .param("id", phoneNumberId)
                .update();
        int updated = jdbc.sql("""
                        update app_data_syncs set onboarded_at = :now, contacts_request_id = null,
                               contacts_requested_at = null, history_request_id = null, history_requested_at = null,
                               history_progress = 0, history_completed_at = null, history_declined_at = null
                        where store_id = :storeId and phone_number_id = :id""")
                .param("now", at(clock.instant()))
                .param("id", phoneNumberId)
                .update();
        if (updated == 0) {
            start(phoneNumberId);
        }
    }

    /** What is still to be asked of Meta for the number; every kind once. */
    Set<AppDataSync> pending(String phoneNumberId) {
        Set<AppDataSync> pending = EnumSet.noneOf(AppDataSync.class);
        jdbc.sql("""
                        select contacts_requested_at, history_requested_at from app_data_syncs
                        where store_id = :storeId and phone_number_id = :id""")
                .param("id", phoneNumberId)
                .query((rs, n) -> {
                    if (rs.getObject(1) == null) {
                        pending.add(AppDataSync.CONTACTS);
                    }
                    if (rs.getObject(2) == null) {
                        pending.add(AppDataSync.HISTORY);
                    }
                    return n;
                })
                .list();
        return pending;
    }

    void requested(String phoneNumberId, AppDataSync sync, String requestId) {
        String prefix = sync == AppDataSync.CONTACTS ? "contacts" : "history";
        jdbc.sql("update app_data_syncs set " + prefix + "_request_id = :requestId, " + prefix
                        + "_requested_at = :now where store_id = :storeId and phone_number_id = :id")
                .param("requestId", requestId)
                .param("now", at(clock.instant()))
                .param("id", phoneNumberId)
                .update();
    }

    /**
     * A history chunk: counted once (a second delivery changes nothing), its progress kept when it is the
     * highest so far.
     *
     * @return true when this chunk completed the history (Meta's progress 100)
     */
    boolean chunkReceived(AppHistoryReceived chunk) {
        int inserted = jdbc.sql("""
                        insert into app_history_chunks (phone_number_id, store_id, phase, chunk_order, progress,
                                                        messages, received_at)
                        values (:id, :storeId, :phase, :chunk, :progress, :messages, :now) on conflict do nothing""")
                .param("id", chunk.phoneNumberId())
                .param("phase", chunk.phase())
                .param("chunk", chunk.chunkOrder())
                .param("progress", chunk.progress())
                .param("messages", chunk.messages().size())
                .param("now", at(clock.instant()))
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("""
                        update app_data_syncs set history_progress = :progress
                        where store_id = :storeId and phone_number_id = :id and history_progress < :progress""")
                .param("progress", Math.min(100, chunk.progress()))
                .param("id", chunk.phoneNumberId())
                .update();
        if (chunk.progress() < 100) {
            return false;
        }
        return jdbc.sql("""
                                update app_data_syncs set history_completed_at = :now
                                where store_id = :storeId and phone_number_id = :id and history_completed_at is null""")
                        .param("now", at(clock.instant()))
                        .param("id", chunk.phoneNumberId())
                        .update()
                > 0;
    }

    /** Meta's 2593109; true the first time only. */
    boolean historyDeclined(String phoneNumberId) {
        return jdbc.sql("""
                                update app_data_syncs set history_declined_at = :now
                                where store_id = :storeId and phone_number_id = :id and history_declined_at is null""")
                        .param("now", at(clock.instant()))
                        .param("id", phoneNumberId)
                        .update()
                > 0;
    }

    /** Contacts added, edited or removed in the app; an older change than the one kept changes nothing. */
    void contacts(AppContactsSynced synced) {
        for (AppContactsSynced.Contact contact : synced.contacts()) {
            String number = contact.phoneNumber().replaceAll("\\D", "");
            OffsetDateTime when = at(contact.at() == null ? clock.instant() : contact.at());
            int updated = update(synced.phoneNumberId(), number, contact.removed(), when);
            if (updated == 0) {
                int inserted = jdbc.sql("""
                                insert into app_contacts (phone_number_id, store_id, contact, removed, updated_at)
                                values (:id, :storeId, :contact, :removed, :at) on conflict do nothing""")
                        .param("id", synced.phoneNumberId())
                        .param("contact", number)
                        .param("removed", contact.removed())
                        .param("at", when)
                        .update();
                if (inserted == 0) {
                    update(synced.phoneNumberId(), number, contact.removed(), when);
                }
            }
        }
    }

    private int update(String phoneNumberId, String contact, boolean removed, OffsetDateTime when) {
        return jdbc.sql("""
                        update app_contacts set removed = :removed, updated_at = :at
                        where store_id = :storeId and phone_number_id = :id and contact = :contact
                          and updated_at <= :at""")
                .param("removed", removed)
                .param("at", when)
                .param("id", phoneNumberId)
                .param("contact", contact)
                .update();
    }

    /** The WABA a number's registration belongs to, for its timeline. */
    Optional<String> wabaOf(String phoneNumberId) {
        return jdbc.sql("select waba_id from registrations where store_id = :storeId and phone_number_id = :id")
                .param("id", phoneNumberId)
                .query(String.class)
                .optional();
    }

    /** Every coexistence number's progress, by number id. */
    Map<String, AppDataProgress> all() {
        Map<String, AppDataProgress> all = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.phone_number_id, s.onboarded_at, s.contacts_requested_at, s.history_requested_at,
                               s.history_progress, s.history_completed_at, s.history_declined_at,
                               (select count(*) from app_contacts c where c.store_id = s.store_id
                                  and c.phone_number_id = s.phone_number_id and not c.removed) as contacts,
                               (select count(*) from app_history_chunks h where h.store_id = s.store_id
                                  and h.phone_number_id = s.phone_number_id) as chunks
                        from app_data_syncs s where s.store_id = :storeId order by s.onboarded_at""")
                .query(AppDataSyncs::progress)
                .list()
                .forEach(progress -> all.put(progress.phoneNumberId(), progress));
        return all;
    }

    private static AppDataProgress progress(ResultSet rs, int row) throws SQLException {
        return new AppDataProgress(
                rs.getString("phone_number_id"),
                java.util.Objects.requireNonNull(instant(rs, "onboarded_at")),
                instant(rs, "contacts_requested_at"),
                rs.getInt("contacts"),
                instant(rs, "history_requested_at"),
                rs.getInt("history_progress"),
                rs.getInt("chunks"),
                instant(rs, "history_completed_at"),
                instant(rs, "history_declined_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
