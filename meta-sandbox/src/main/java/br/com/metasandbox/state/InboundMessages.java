package br.com.metasandbox.state;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the simulated customers wrote to the business numbers. */
@Repository
public class InboundMessages {

    /** @param contextId the business message this one answers (a reply or a button tap), if any */
    public record Inbound(
            String id,
            String phoneId,
            String waId,
            String customerName,
            String body,
            Instant createdAt,
            @Nullable String contextId) {

        public Inbound(String id, String phoneId, String waId, String customerName, String body, Instant createdAt) {
            this(id, phoneId, waId, customerName, body, createdAt, null);
        }
    }

    private final JdbcClient jdbc;

    InboundMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Inbound message) {
        jdbc.sql("""
                        insert into sandbox_inbound_messages (message_id, phone_id, wa_id, customer_name, body, created_at,
                            context_id)
                        values (:id, :phone, :waId, :name, :body, :created, :context)""")
                .param("id", message.id())
                .param("phone", message.phoneId())
                .param("waId", message.waId())
                .param("name", message.customerName())
                .param("body", message.body())
                .param("created", SqlTimes.utc(message.createdAt()))
                .param("context", message.contextId())
                .update();
    }

    public List<Inbound> between(String phoneId, String waId) {
        return jdbc.sql("""
                        select * from sandbox_inbound_messages where phone_id = :phone and wa_id = :waId
                        order by created_at, message_id""")
                .param("phone", phoneId)
                .param("waId", waId)
                .query((rs, row) -> new Inbound(
                        rs.getString("message_id"),
                        rs.getString("phone_id"),
                        rs.getString("wa_id"),
                        rs.getString("customer_name"),
                        rs.getString("body"),
                        SqlTimes.requiredInstant(rs, "created_at"),
                        rs.getString("context_id")))
                .list();
    }
}
