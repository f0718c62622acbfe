package br.com.metasandbox.state;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Business profiles of the sandbox's numbers. */
@Repository
public class SandboxProfiles {

    private final JdbcClient jdbc;

    SandboxProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<WhatsAppBusinessProfile> of(String phoneId) {
        return jdbc.sql("select * from sandbox_business_profiles where phone_id = :phone")
                .param("phone", phoneId)
                .query((rs, row) -> new WhatsAppBusinessProfile(
                        rs.getString("about"),
                        rs.getString("address"),
                        rs.getString("description"),
                        rs.getString("email"),
                        websites(rs.getString("websites")),
                        rs.getString("vertical"),
                        rs.getString("profile_picture_handle")))
                .optional();
    }

    @Transactional
    public void save(String phoneId, WhatsAppBusinessProfile profile, Instant now) {
        jdbc.sql("delete from sandbox_business_profiles where phone_id = :phone")
                .param("phone", phoneId)
                .update();
        jdbc.sql("""
                        insert into sandbox_business_profiles (phone_id, about, address, description, email, websites,
                            vertical, profile_picture_handle, updated_at)
                        values (:phone, :about, :address, :description, :email, :websites, :vertical, :handle, :now)""")
                .param("phone", phoneId)
                .param("about", profile.about())
                .param("address", profile.address())
                .param("description", profile.description())
                .param("email", profile.email())
                .param("websites", profile.websites().isEmpty() ? null : String.join("\n", profile.websites()))
                .param("vertical", profile.vertical())
                .param("handle", profile.profilePictureHandle())
                .param("now", SqlTimes.utc(now))
                .update();
    }

    private static List<String> websites(@Nullable String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
