package br.com.metasandbox.graph;

import br.com.metasandbox.SandboxFault;
import br.com.metasandbox.state.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fault switches, one per Graph operation (keys in {@link GraphOperation}). They live in the
 * database so that every node of the product answers alike.
 */
@Component
public class Faults {

    private final JdbcClient jdbc;
    private final Hangs hangs;
    private final Clock clock;

    Faults(JdbcClient jdbc, Hangs hangs, Clock clock) {
        this.jdbc = jdbc;
        this.hangs = hangs;
        this.clock = clock;
    }

    @Transactional
    public void set(String operation, SandboxFault fault) {
        GraphOperation.requireKnown(operation);
        jdbc.sql("delete from sandbox_faults where operation = :operation")
                .param("operation", operation)
                .update();
        jdbc.sql("""
                        insert into sandbox_faults (operation, latency_ms, http_status, graph_error_code, hang, updated_at)
                        values (:operation, :latency, :status, :code, :hang, :now)""")
                .param("operation", operation)
                .param("latency", fault.latency().toMillis())
                .param("status", fault.httpStatus())
                .param("code", fault.graphErrorCode())
                .param("hang", fault.hang())
                .param("now", SqlTimes.utc(clock.instant()))
                .update();
    }

    /** Clears every switch and lets go of the requests this node holds. */
    public void clear() {
        jdbc.sql("delete from sandbox_faults").update();
        hangs.releaseAll();
    }

    Optional<SandboxFault> of(String operation) {
        return jdbc.sql("select * from sandbox_faults where operation = :operation")
                .param("operation", operation)
                .query(Faults::fault)
                .optional();
    }

    /** Every switch that is on, by operation. */
    public java.util.Map<String, SandboxFault> all() {
        java.util.Map<String, SandboxFault> all = new java.util.TreeMap<>();
        jdbc.sql("select * from sandbox_faults")
                .query((rs, row) -> all.put(rs.getString("operation"), fault(rs, row)))
                .list();
        return all;
    }

    /** Turns one operation's switch off. */
    public void clear(String operation) {
        jdbc.sql("delete from sandbox_faults where operation = :operation")
                .param("operation", operation)
                .update();
    }

    /** Plays the operation's fault, if any: waits, then answers the chosen error, or lets the call go on. */
    void inject(String operation) {
        SandboxFault fault = of(operation).orElse(null);
        if (fault == null) {
            return;
        }
        if (fault.hang() || !fault.latency().isZero()) {
            Duration wait = fault.hang() && fault.latency().isZero() ? SandboxFault.MAX_DELAY : fault.latency();
            if (!hangs.hold(wait)) {
                throw GraphRefusal.of(2, "The sandbox is shutting down.");
            }
        }
        if (fault.httpStatus() != null) {
            int status = fault.httpStatus();
            // Graph's envelope for its own outages: code 2 for 503, code 1 otherwise (unverified for other 5xx).
            int code = status == 503 ? 2 : 1;
            throw new GraphRefusal(
                    status,
                    GraphRefusal.OAUTH,
                    code,
                    null,
                    code == 2 ? "Service temporarily unavailable" : "An unknown error occurred",
                    null,
                    true);
        }
        if (fault.graphErrorCode() != null) {
            throw GraphRefusal.of(fault.graphErrorCode(), "Sandbox fault switch for " + operation + ".");
        }
    }

    /**
     * Whether a switch is set on {@code operation}, turning it off: for faults that strike once, such as a
     * connection lost mid-upload, after which the client is expected to resume.
     */
    boolean cutOnce(String operation) {
        return jdbc.sql("delete from sandbox_faults where operation = :operation")
                        .param("operation", operation)
                        .update()
                > 0;
    }

    private static SandboxFault fault(ResultSet rs, int row) throws SQLException {
        return new SandboxFault(
                Duration.ofMillis(rs.getLong("latency_ms")),
                rs.getObject("http_status", Integer.class),
                rs.getObject("graph_error_code", Integer.class),
                rs.getBoolean("hang"));
    }
}
