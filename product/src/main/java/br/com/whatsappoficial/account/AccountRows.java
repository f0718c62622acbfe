package br.com.whatsappoficial.account;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads WABAs and numbers of the current store; the numbers carry their WABA's review and ban state. */
final class AccountRows {

    private static final String NUMBER_COLUMNS = """
            select p.phone_number_id, p.waba_id, p.e164, p.verified_name, p.code_verification_status, p.status,
                   p.name_status, p.name_rejection_reason, p.quality_rating, p.messaging_limit, p.health_status,
                   p.health_problem, p.active, p.created_at, p.last_synced_at, p.throughput_level, p.on_business_app,
                   p.left_event,
                   w.account_review_status, w.ban_state
            from phone_numbers p join wabas w on w.waba_id = p.waba_id
            """;

    private AccountRows() {}

    static Optional<Waba> firstWaba(StoreScopedJdbc jdbc) {
        return wabas(jdbc).stream().findFirst();
    }

    /** The store's WABAs, the first connected first. */
    static List<Waba> wabas(StoreScopedJdbc jdbc) {
        return jdbc.sql("""
                        select waba_id, business_id, name, account_review_status, ban_state, max_numbers,
                               connected_at, token_revoked_at
                        from wabas where store_id = :storeId order by connected_at, waba_id""").query((rs, n) -> waba(rs, "waba_id")).list();
    }

    /**
     * The store's WABAs, the first connected first, each with its numbers, the oldest first: one statement,
     * as the campaign API reads it for every message it queues.
     */
    static Map<Waba, List<ConnectedNumber>> numbersByWaba(StoreScopedJdbc jdbc) {
        Map<Waba, List<ConnectedNumber>> numbers = new LinkedHashMap<>();
        jdbc.sql("""
                        select w.waba_id as waba, w.business_id, w.name, w.max_numbers, w.connected_at,
                               w.token_revoked_at, w.account_review_status, w.ban_state,
                               p.phone_number_id, p.waba_id, p.e164, p.verified_name, p.code_verification_status,
                               p.status, p.name_status, p.name_rejection_reason, p.quality_rating, p.messaging_limit,
                               p.health_status, p.health_problem, p.active, p.created_at, p.last_synced_at,
                               p.throughput_level, p.on_business_app, p.left_event
                        from wabas w
                        left join phone_numbers p on p.store_id = w.store_id and p.waba_id = w.waba_id
                        where w.store_id = :storeId
                        order by w.connected_at, w.waba_id, p.created_at""").query(rs -> {
            Waba waba = waba(rs, "waba");
            List<ConnectedNumber> ofWaba = numbers.computeIfAbsent(waba, w -> new ArrayList<>());
            if (rs.getString("phone_number_id") != null) {
                ofWaba.add(number(rs, 0));
            }
        });
        return numbers;
    }

    static List<ConnectedNumber> numbers(StoreScopedJdbc jdbc, String wabaId) {
        return jdbc.sql(NUMBER_COLUMNS + "where p.store_id = :storeId and p.waba_id = :wabaId order by p.created_at")
                .param("wabaId", wabaId)
                .query(AccountRows::number)
                .list();
    }

    /**
     * Locks a number's row until the transaction ends, so that reading it, changing it and comparing is
     * one step: Meta's events about one number reach several listeners at once, and each must compare
     * against what the previous one left, not against a copy read before it committed.
     */
    static void lockNumber(StoreScopedJdbc jdbc, String phoneNumberId) {
        jdbc.sql("select phone_number_id from phone_numbers where store_id = :storeId and phone_number_id = :id"
                        + " for update")
                .param("id", phoneNumberId)
                .query(String.class)
                .optional();
    }

    static Optional<ConnectedNumber> number(StoreScopedJdbc jdbc, String phoneNumberId) {
        return jdbc.sql(NUMBER_COLUMNS + "where p.store_id = :storeId and p.phone_number_id = :id")
                .param("id", phoneNumberId)
                .query(AccountRows::number)
                .optional();
    }

    /** A WABA from its columns, its id in {@code idColumn}. */
    private static Waba waba(ResultSet rs, String idColumn) throws SQLException {
        return new Waba(
                rs.getString(idColumn),
                rs.getString("business_id"),
                rs.getString("name"),
                rs.getString("account_review_status"),
                rs.getString("ban_state"),
                rs.getInt("max_numbers"),
                instant(rs, "connected_at"),
                instant(rs, "token_revoked_at"));
    }

    private static ConnectedNumber number(ResultSet rs, int row) throws SQLException {
        MetaSignals signals = new MetaSignals(
                rs.getString("code_verification_status"),
                rs.getString("status"),
                rs.getString("name_status"),
                rs.getString("name_rejection_reason"),
                rs.getString("account_review_status"),
                rs.getString("health_status"),
                rs.getString("health_problem"),
                rs.getString("ban_state"),
                rs.getString("left_event"));
        return new ConnectedNumber(
                rs.getString("phone_number_id"),
                rs.getString("waba_id"),
                new BrazilianPhoneNumber(rs.getString("e164")),
                rs.getString("verified_name"),
                rs.getString("quality_rating"),
                rs.getString("messaging_limit"),
                new Throughput(rs.getString("throughput_level"), rs.getObject("on_business_app", Boolean.class)),
                signals,
                rs.getBoolean("active"),
                instant(rs, "created_at"),
                instant(rs, "last_synced_at"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
