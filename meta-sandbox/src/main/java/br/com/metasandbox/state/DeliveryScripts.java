package br.com.metasandbox.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to the messages sent to one customer, as the console scripted it: kept in the database so that
 * every node and every test run of the same sandbox sees the same script.
 */
@Repository
public class DeliveryScripts {

    /**
     * @param outcome the name of a {@code DeliveryOutcome}
     * @param delaySeconds how late the statuses come, for the late outcome
     */
    public record Script(String waId, String outcome, int delaySeconds, Instant updatedAt) {}

    private final JdbcClient jdbc;

    DeliveryScripts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Script> scriptFor(String waId) {
        return jdbc.sql("select * from sandbox_delivery_scripts where wa_id = :waId")
                .param("waId", waId)
                .query(DeliveryScripts::script)
                .optional();
    }

    /** Every scripted customer, the latest first. */
    public List<Script> all() {
        return jdbc.sql("select * from sandbox_delivery_scripts order by updated_at desc, wa_id")
                .query(DeliveryScripts::script)
                .list();
    }

    /** Replaces the customer's script (portable: delete, then insert, in one transaction). */
    @Transactional
    public void set(String waId, String outcome, int delaySeconds, Instant now) {
        remove(waId);
        jdbc.sql("""
                        insert into sandbox_delivery_scripts (wa_id, outcome, delay_seconds, updated_at)
                        values (:waId, :outcome, :delay, :now)""")
                .param("waId", waId)
                .param("outcome", outcome)
                .param("delay", delaySeconds)
                .param("now", SqlTimes.utc(now))
                .update();
    }

    public void remove(String waId) {
        jdbc.sql("delete from sandbox_delivery_scripts where wa_id = :waId")
                .param("waId", waId)
                .update();
    }

    private static Script script(ResultSet rs, int row) throws SQLException {
        return new Script(
                rs.getString("wa_id"),
                rs.getString("outcome"),
                rs.getInt("delay_seconds"),
                SqlTimes.requiredInstant(rs, "updated_at"));
    }
}
