package br.com.metasandbox.state;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sandbox rule for numbers "still on the WhatsApp app" (Meta refuses them in Embedded Signup until the
 * account on the app is deleted [doc]): every number ending in 0000, and the numbers listed in the console.
 */
@Repository
public class NumbersOnApp {

    public static final String SUFFIX = "0000";

    private final JdbcClient jdbc;

    NumbersOnApp(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean onApp(String e164) {
        return e164.endsWith(SUFFIX)
                || jdbc.sql("select count(*) from sandbox_numbers_on_app where e164 = :e164")
                                .param("e164", e164)
                                .query(Integer.class)
                                .single()
                        > 0;
    }

    public List<String> listed() {
        return jdbc.sql("select e164 from sandbox_numbers_on_app order by added_at desc, e164")
                .query(String.class)
                .list();
    }

    public void add(String e164, Instant now) {
        try {
            jdbc.sql("insert into sandbox_numbers_on_app (e164, added_at) values (:e164, :now)")
                    .param("e164", e164)
                    .param("now", SqlTimes.utc(now))
                    .update();
        } catch (DuplicateKeyException e) {
            // already listed
        }
    }

    public void remove(String e164) {
        jdbc.sql("delete from sandbox_numbers_on_app where e164 = :e164")
                .param("e164", e164)
                .update();
    }
}
