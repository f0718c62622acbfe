package br.com.metasandbox.signup;

import br.com.metasandbox.state.SqlTimes;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Embedded Signup popup runs, in the database so that any node serves the next screen. */
@Repository
class SignupSessions {

    private final JdbcClient jdbc;

    SignupSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SignupSession session) {
        jdbc.sql("""
                        insert into sandbox_signup_sessions (session_id, origin, app_id, extras, current_step, created_at,
                            updated_at)
                        values (:id, :origin, :app, :extras, :step, :now, :now)""")
                .param("id", session.id())
                .param("origin", session.origin())
                .param("app", session.appId())
                .param("extras", session.extras())
                .param("step", session.step().name())
                .param("now", SqlTimes.utc(session.createdAt()))
                .update();
    }

    Optional<SignupSession> find(String id) {
        return jdbc.sql("select * from sandbox_signup_sessions where session_id = :id")
                .param("id", id)
                .query((rs, row) -> new SignupSession(
                        rs.getString("session_id"),
                        rs.getString("origin"),
                        rs.getString("app_id"),
                        rs.getString("extras"),
                        rs.getString("email"),
                        SignupStep.valueOf(rs.getString("current_step")),
                        rs.getString("business_id"),
                        rs.getString("waba_id"),
                        rs.getBoolean("waba_created"),
                        rs.getString("verified_name"),
                        rs.getString("vertical"),
                        rs.getString("description"),
                        rs.getString("website"),
                        rs.getString("phone_id"),
                        rs.getString("code_method"),
                        rs.getString("outcome"),
                        SqlTimes.requiredInstant(rs, "created_at")))
                .optional();
    }

    /** The WABAs of the business that a run created and then ended with CANCEL. */
    Set<String> wabasCreatedByCancelledRuns(String businessId) {
        return Set.copyOf(
                jdbc.sql("""
                        select waba_id from sandbox_signup_sessions
                        where business_id = :business and waba_created and outcome = 'CANCEL' and waba_id is not null""").param("business", businessId).query(String.class).list());
    }

    /** Saves the new state unless the run already ended (on any node): false then. */
    boolean update(SignupSession session, Instant now) {
        return jdbc.sql("""
                                update sandbox_signup_sessions set email = :email, current_step = :step,
                                    business_id = :business, waba_id = :waba, waba_created = :created,
                                    verified_name = :name, vertical = :vertical, description = :description,
                                    website = :website, phone_id = :phone, code_method = :method, outcome = :outcome,
                                    updated_at = :now
                                where session_id = :id and outcome is null""")
                        .param("email", session.email())
                        .param("step", session.step().name())
                        .param("business", session.businessId())
                        .param("waba", session.wabaId())
                        .param("created", session.wabaCreated())
                        .param("name", session.verifiedName())
                        .param("vertical", session.vertical())
                        .param("description", session.description())
                        .param("website", session.website())
                        .param("phone", session.phoneId())
                        .param("method", session.codeMethod())
                        .param("outcome", session.outcome())
                        .param("now", SqlTimes.utc(now))
                        .param("id", session.id())
                        .update()
                == 1;
    }

    void addAdmin(String email, String businessId) {
        jdbc.sql("insert into sandbox_business_admins (email, business_id) values (:email, :business)")
                .param("email", email)
                .param("business", businessId)
                .update();
    }

    boolean isAdmin(String email, String businessId) {
        return jdbc.sql("select count(*) from sandbox_business_admins where email = :email and business_id = :business")
                        .param("email", email)
                        .param("business", businessId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    java.util.List<String> businessesOf(String email) {
        return jdbc.sql("""
                        select a.business_id from sandbox_business_admins a
                        join sandbox_businesses b on b.business_id = a.business_id
                        where a.email = :email order by b.created_at, b.business_id""").param("email", email).query(String.class).list();
    }
}
