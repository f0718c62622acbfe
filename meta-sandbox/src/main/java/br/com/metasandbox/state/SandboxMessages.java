package br.com.metasandbox.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages our product sent through the sandbox, and the customers' last inbound messages (service windows). */
@Repository
public class SandboxMessages {

    public record Outbound(
            String id,
            String phoneId,
            String recipientInput,
            String waId,
            String type,
            String payload,
            @Nullable String bizOpaqueCallbackData,
            Instant createdAt,
            @Nullable String templateId) {}

    private final JdbcClient jdbc;

    SandboxMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Outbound message) {
        jdbc.sql("""
                        insert into sandbox_messages (message_id, phone_id, recipient_input, wa_id, message_type, payload,
                            biz_opaque_callback_data, created_at, template_id)
                        values (:id, :phone, :input, :waId, :type, :payload, :opaque, :created, :template)""")
                .param("id", message.id())
                .param("phone", message.phoneId())
                .param("input", message.recipientInput())
                .param("waId", message.waId())
                .param("type", message.type())
                .param("payload", message.payload())
                .param("opaque", message.bizOpaqueCallbackData())
                .param("created", SqlTimes.utc(message.createdAt()))
                .param("template", message.templateId())
                .update();
    }

    public List<Outbound> sentBy(String phoneId) {
        return jdbc.sql("select * from sandbox_messages where phone_id = :phone order by created_at, message_id")
                .param("phone", phoneId)
                .query((rs, row) -> new Outbound(
                        rs.getString("message_id"),
                        rs.getString("phone_id"),
                        rs.getString("recipient_input"),
                        rs.getString("wa_id"),
                        rs.getString("message_type"),
                        rs.getString("payload"),
                        rs.getString("biz_opaque_callback_data"),
                        SqlTimes.requiredInstant(rs, "created_at"),
                        rs.getString("template_id")))
                .list();
    }

    public Optional<Instant> lastInbound(String phoneId, String waId) {
        return jdbc.sql(
                        "select last_inbound_at from sandbox_customer_windows where phone_id = :phone and wa_id = :waId")
                .param("phone", phoneId)
                .param("waId", waId)
                .query((rs, row) -> SqlTimes.requiredInstant(rs, "last_inbound_at"))
                .optional();
    }

    /** Portable upsert (no ON CONFLICT): update, else insert; a concurrent insert by another node is then updated. */
    public void recordInbound(String phoneId, String waId, Instant at) {
        int updated = update(phoneId, waId, at);
        if (updated == 0) {
            try {
                jdbc.sql("""
                                insert into sandbox_customer_windows (phone_id, wa_id, last_inbound_at)
                                values (:phone, :waId, :at)""")
                        .param("phone", phoneId)
                        .param("waId", waId)
                        .param("at", SqlTimes.utc(at))
                        .update();
            } catch (DuplicateKeyException e) {
                update(phoneId, waId, at);
            }
        }
    }

    private int update(String phoneId, String waId, Instant at) {
        return jdbc.sql("""
                        update sandbox_customer_windows set last_inbound_at = greatest(last_inbound_at, :at)
                        where phone_id = :phone and wa_id = :waId""")
                .param("at", SqlTimes.utc(at))
                .param("phone", phoneId)
                .param("waId", waId)
                .update();
    }
}
