package br.com.metasandbox.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The numbers that stay on the WhatsApp Business app while Cloud API uses them too (coexistence). */
@Component
public class BusinessAppLinks {

    /** One coexistence number as the sandbox keeps it. */
    public record Link(
            String phoneId,
            boolean historyShared,
            Instant onboardedAt,
            @Nullable Instant contactsRequestedAt,
            @Nullable Instant historyRequestedAt,
            @Nullable Instant offboardedAt,
            @Nullable String offboardEvent) {

        public boolean offboarded() {
            return offboardedAt != null;
        }
    }

    private final JdbcClient jdbc;

    BusinessAppLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String phoneId, boolean historyShared, Instant at) {
        jdbc.sql("delete from sandbox_business_app_links where phone_id = :id")
                .param("id", phoneId)
                .update();
        jdbc.sql("""
                        insert into sandbox_business_app_links (phone_id, history_shared, onboarded_at)
                        values (:id, :shared, :at)""")
                .param("id", phoneId)
                .param("shared", historyShared)
                .param("at", SqlTimes.utc(at))
                .update();
    }

    public Optional<Link> find(String phoneId) {
        return jdbc.sql("select * from sandbox_business_app_links where phone_id = :id")
                .param("id", phoneId)
                .query(BusinessAppLinks::link)
                .optional();
    }

    public List<Link> all() {
        return jdbc.sql("select * from sandbox_business_app_links order by onboarded_at desc")
                .query(BusinessAppLinks::link)
                .list();
    }

    /** Whether the business lets the app share its chats; the switch only matters before history is asked for. */
    public void shareHistory(String phoneId, boolean shared) {
        jdbc.sql("update sandbox_business_app_links set history_shared = :shared where phone_id = :id")
                .param("shared", shared)
                .param("id", phoneId)
                .update();
    }

    /** Records the first request of a kind; false when it was asked for already (Meta answers each once). */
    public boolean requested(String phoneId, boolean history, Instant at) {
        String column = history ? "history_requested_at" : "contacts_requested_at";
        return jdbc.sql("update sandbox_business_app_links set " + column + " = :at where phone_id = :id and " + column
                                + " is null")
                        .param("at", SqlTimes.utc(at))
                        .param("id", phoneId)
                        .update()
                == 1;
    }

    public void offboard(String phoneId, String event, Instant at) {
        jdbc.sql("""
                        update sandbox_business_app_links set offboarded_at = :at, offboard_event = :event
                        where phone_id = :id""")
                .param("at", SqlTimes.utc(at))
                .param("event", event)
                .param("id", phoneId)
                .update();
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        return new Link(
                rs.getString("phone_id"),
                rs.getBoolean("history_shared"),
                SqlTimes.requiredInstant(rs, "onboarded_at"),
                SqlTimes.instant(rs, "contacts_requested_at"),
                SqlTimes.instant(rs, "history_requested_at"),
                SqlTimes.instant(rs, "offboarded_at"),
                rs.getString("offboard_event"));
    }
}
