package br.com.metasandbox.state;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customers each business portfolio reached outside their customer service window, for Meta's
 * messaging limit: unique customers in a rolling 24 h, shared by the portfolio's numbers [doc].
 */
@Repository
public class PortfolioReach {

    private final JdbcClient jdbc;

    PortfolioReach(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the portfolio's row until the transaction ends, so that two sends counting the same portfolio
     * (on any node) count one after the other.
     */
    public void lock(String businessId) {
        jdbc.sql("select business_id from sandbox_businesses where business_id = :id for update")
                .param("id", businessId)
                .query(String.class)
                .optional();
    }

    public boolean reachedSince(String businessId, String waId, Instant since) {
        return jdbc.sql("""
                        select count(*) from sandbox_portfolio_reach
                         where business_id = :business and wa_id = :waId and reached_at > :since""")
                        .param("business", businessId)
                        .param("waId", waId)
                        .param("since", SqlTimes.utc(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    public int uniqueSince(String businessId, Instant since) {
        return jdbc.sql("""
                        select count(distinct wa_id) from sandbox_portfolio_reach
                         where business_id = :business and reached_at > :since""")
                .param("business", businessId)
                .param("since", SqlTimes.utc(since))
                .query(Long.class)
                .single()
                .intValue();
    }

    public void record(String businessId, String waId, Instant at) {
        jdbc.sql("insert into sandbox_portfolio_reach (business_id, wa_id, reached_at) values (:business, :waId, :at)")
                .param("business", businessId)
                .param("waId", waId)
                .param("at", SqlTimes.utc(at))
                .update();
    }
}
