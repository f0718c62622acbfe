package br.com.whatsappoficial.profile;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The current store's profile and what each of its numbers was last given. */
@Repository
class StoreProfiles {

    private final StoreScopedJdbc jdbc;

    StoreProfiles(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredProfile> current() {
        return jdbc.sql("select * from business_profiles where store_id = :storeId")
                .query(StoreProfiles::profile)
                .optional();
    }

    /** Saves the fields; the periodic check comes back at {@code nextCheck}, a save being a sync of its own. */
    void saveFields(ProfileFields fields, Instant now, Instant nextCheck) {
        jdbc.sql("""
                        insert into business_profiles (store_id, about, description, address, email, website_1,
                            website_2, vertical, updated_at, next_check_at)
                        values (:storeId, :about, :description, :address, :email, :website1, :website2, :vertical, :now,
                            :next)
                        on conflict (store_id) do update set about = excluded.about,
                            description = excluded.description, address = excluded.address, email = excluded.email,
                            website_1 = excluded.website_1, website_2 = excluded.website_2,
                            vertical = excluded.vertical, updated_at = excluded.updated_at,
                            next_check_at = excluded.next_check_at""")
                .param("about", fields.about())
                .param("description", fields.description())
                .param("address", fields.address())
                .param("email", fields.email())
                .param("website1", fields.website(0))
                .param("website2", fields.website(1))
                .param(
                        "vertical",
                        fields.vertical() == null ? null : fields.vertical().name())
                .param("now", utc(now))
                .param("next", utc(nextCheck))
                .update();
    }

    void savePicture(byte[] jpeg, Instant now, Instant nextCheck) {
        jdbc.sql("""
                        insert into business_profiles (store_id, picture, picture_digest, updated_at, next_check_at)
                        values (:storeId, :picture, :digest, :now, :next)
                        on conflict (store_id) do update set picture = excluded.picture,
                            picture_digest = excluded.picture_digest, updated_at = excluded.updated_at,
                            next_check_at = excluded.next_check_at""")
                .param("picture", jpeg)
                .param("digest", digest(jpeg))
                .param("now", utc(now))
                .param("next", utc(nextCheck))
                .update();
    }

    /** When the periodic check next compares this store's profile with Meta's copy. */
    void nextCheck(Instant at) {
        jdbc.sql("update business_profiles set next_check_at = :at where store_id = :storeId")
                .param("at", utc(at))
                .update();
    }

    NumberSyncState syncState(String phoneNumberId) {
        return jdbc.sql("select * from business_profile_syncs where store_id = :storeId and phone_number_id = :phone")
                .param("phone", phoneNumberId)
                .query(StoreProfiles::syncState)
                .optional()
                .orElseGet(() -> NumberSyncState.never(phoneNumberId));
    }

    List<NumberSyncState> syncStates() {
        return new ArrayList<>(jdbc.sql("select * from business_profile_syncs where store_id = :storeId")
                .query(StoreProfiles::syncState)
                .list());
    }

    void synced(String phoneNumberId, @Nullable String pictureDigest, Instant now) {
        jdbc.sql("""
                        insert into business_profile_syncs (store_id, phone_number_id, picture_digest, synced_at)
                        values (:storeId, :phone, :digest, :now)
                        on conflict (store_id, phone_number_id) do update set picture_digest = excluded.picture_digest,
                            synced_at = excluded.synced_at, failed_at = null, failure = null""")
                .param("phone", phoneNumberId)
                .param("digest", pictureDigest)
                .param("now", utc(now))
                .update();
    }

    void failed(String phoneNumberId, String failure, Instant now) {
        jdbc.sql("""
                        insert into business_profile_syncs (store_id, phone_number_id, failed_at, failure)
                        values (:storeId, :phone, :now, :failure)
                        on conflict (store_id, phone_number_id) do update set failed_at = excluded.failed_at,
                            failure = excluded.failure""")
                .param("phone", phoneNumberId)
                .param("failure", failure)
                .param("now", utc(now))
                .update();
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    private static StoredProfile profile(ResultSet rs, int row) throws SQLException {
        List<String> websites = new ArrayList<>();
        for (String column : List.of("website_1", "website_2")) {
            if (rs.getString(column) != null) {
                websites.add(rs.getString(column));
            }
        }
        String vertical = rs.getString("vertical");
        return new StoredProfile(
                new ProfileFields(
                        rs.getString("about"),
                        rs.getString("description"),
                        rs.getString("address"),
                        rs.getString("email"),
                        websites,
                        vertical == null ? null : Vertical.valueOf(vertical)),
                rs.getBytes("picture"),
                rs.getString("picture_digest"),
                instant(rs, "updated_at"));
    }

    private static NumberSyncState syncState(ResultSet rs, int row) throws SQLException {
        return new NumberSyncState(
                rs.getString("phone_number_id"),
                rs.getString("picture_digest"),
                instant(rs, "synced_at"),
                instant(rs, "failed_at"),
                rs.getString("failure"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
