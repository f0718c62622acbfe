package br.com.metasandbox.state;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which simulated customers stopped a business number's marketing messages in WhatsApp. */
@Repository
public class MarketingStops {

    private final JdbcClient jdbc;

    MarketingStops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void stop(String phoneId, String waId, Instant at) {
        jdbc.sql("""
                        insert into sandbox_marketing_stops (phone_id, wa_id, stopped_at) values (:phone, :waId, :at)
                        on conflict do nothing""")
                .param("phone", phoneId)
                .param("waId", waId)
                .param("at", SqlTimes.utc(at))
                .update();
    }

    public void resume(String phoneId, String waId) {
        jdbc.sql("delete from sandbox_marketing_stops where phone_id = :phone and wa_id = :waId")
                .param("phone", phoneId)
                .param("waId", waId)
                .update();
    }

    public boolean stopped(String phoneId, String waId) {
        return jdbc.sql("select count(*) from sandbox_marketing_stops where phone_id = :phone and wa_id = :waId")
                        .param("phone", phoneId)
                        .param("waId", waId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
