package br.com.metasandbox.state;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The console's quality switches: numbers Meta paused for their quality (every send refused), and WABAs whose
 * marketing templates Meta holds to assess them (template pacing).
 */
@Repository
public class QualitySwitches {

    private final JdbcClient jdbc;

    QualitySwitches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void pause(String phoneId, boolean paused, Instant now) {
        if (paused) {
            jdbc.sql(
                            "insert into sandbox_quality_pauses (phone_id, paused_at) values (:id, :at) on conflict do nothing")
                    .param("id", phoneId)
                    .param("at", SqlTimes.utc(now))
                    .update();
        } else {
            jdbc.sql("delete from sandbox_quality_pauses where phone_id = :id")
                    .param("id", phoneId)
                    .update();
        }
    }

    public boolean paused(String phoneId) {
        return jdbc.sql("select count(*) from sandbox_quality_pauses where phone_id = :id")
                        .param("id", phoneId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Set<String> pausedNumbers() {
        return jdbc.sql("select phone_id from sandbox_quality_pauses").query(String.class).list().stream()
                .collect(Collectors.toUnmodifiableSet());
    }

    public void holdMarketing(String wabaId, boolean held, Instant now) {
        if (held) {
            jdbc.sql("insert into sandbox_held_marketing (waba_id, held_at) values (:id, :at) on conflict do nothing")
                    .param("id", wabaId)
                    .param("at", SqlTimes.utc(now))
                    .update();
        } else {
            jdbc.sql("delete from sandbox_held_marketing where waba_id = :id")
                    .param("id", wabaId)
                    .update();
        }
    }

    public Set<String> heldWabas() {
        return jdbc.sql("select waba_id from sandbox_held_marketing").query(String.class).list().stream()
                .collect(Collectors.toUnmodifiableSet());
    }
}
