package br.com.metasandbox.webhooks;

import static br.com.metasandbox.state.SqlTimes.instant;
import static br.com.metasandbox.state.SqlTimes.requiredInstant;
import static br.com.metasandbox.state.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook outbox. Claiming is a conditional update on a lease (portable to H2 and PostgreSQL), so
 * that several nodes share the work and a node that dies mid-send leaves the row to another after the lease.
 *
 * <p>The lease is a column of its own ({@code lease_until}) rather than the due time pushed ahead, as the
 * leased-jobs primitive does: here the due time is Meta's schedule, which the console shows, which
 * {@link #cancelNotYetDue} reads to tell a delivery not yet sent, and which {@link #retryNow} moves; a
 * due time moved by a claim would let a delivery being sent be cancelled, or be sent twice.
 */
@Repository
public class WebhookDeliveries {

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebhookDelivery delivery) {
        jdbc.sql("""
                        insert into sandbox_webhook_deliveries (delivery_id, field, entry_id, target_url, payload,
                            duplicate_of, status, attempts, retry_first_ms, retry_max_ms, give_up_at, next_attempt_at,
                            created_at)
                        values (:id, :field, :entry, :target, :payload, :duplicateOf, :status, 0, :first, :max,
                            :giveUp, :next, :created)""")
                .param("id", delivery.id())
                .param("field", delivery.field())
                .param("entry", delivery.entryId())
                .param("target", delivery.targetUrl())
                .param("payload", delivery.payload())
                .param("duplicateOf", delivery.duplicateOf())
                .param("status", delivery.status())
                .param("first", delivery.retryFirst().toMillis())
                .param("max", delivery.retryMax().toMillis())
                .param("giveUp", utc(delivery.giveUpAt()))
                .param("next", utc(delivery.nextAttemptAt()))
                .param("created", utc(delivery.createdAt()))
                .update();
    }

    /**
     * Drops the deliveries of this field and entry that were never attempted, are not due yet and whose
     * payload holds {@code fragment}: an automatic decision that a decision by hand replaced.
     */
    public int cancelNotYetDue(String field, String entryId, String fragment, Instant now) {
        return jdbc.sql("""
                        delete from sandbox_webhook_deliveries
                        where status = 'PENDING' and attempts = 0 and field = :field and entry_id = :entry
                            and next_attempt_at > :now and payload like :fragment""")
                .param("field", field)
                .param("entry", entryId)
                .param("now", utc(now))
                .param("fragment", "%" + fragment + "%")
                .update();
    }

    /** Pending deliveries whose time has come and that no node holds. */
    List<UUID> due(Instant now, int max) {
        return jdbc.sql("""
                        select delivery_id from sandbox_webhook_deliveries
                        where status = 'PENDING' and next_attempt_at <= :now
                            and (lease_until is null or lease_until < :now)
                        order by next_attempt_at, created_at fetch first :max rows only""")
                .param("now", utc(now))
                .param("max", max)
                .query(UUID.class)
                .list();
    }

    /**
     * Leases those of {@code ids} no other sender holds to this one until {@code leaseUntil}, in one
     * statement, and reads them back in due order; whether each still waits is read with it
     * ({@link WebhookDelivery#dueAt}): another sender may have sent it since it was seen due. The claim names
     * the rows by their key alone: with "and status = 'PENDING'" PostgreSQL could plan it on the due index,
     * which after an analyze that saw few pending rows walked every pending delivery of a backlog for each
     * claim. A lease this leaves on a row that is no longer pending is harmless: nothing but a claim reads it.
     */
    List<WebhookDelivery> claim(List<UUID> ids, Instant now, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID sender = UUID.randomUUID();
        int claimed = jdbc.sql("""
                        update sandbox_webhook_deliveries set lease_until = :until, lease_owner = :sender
                        where delivery_id in (:ids) and (lease_until is null or lease_until < :now)""")
                .param("until", utc(leaseUntil))
                .param("sender", sender)
                .param("ids", ids)
                .param("now", utc(now))
                .update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from sandbox_webhook_deliveries where delivery_id in (:ids) and lease_owner = :sender
                        order by next_attempt_at, created_at""")
                .param("ids", ids)
                .param("sender", sender)
                .query(WebhookDeliveries::delivery)
                .list();
    }

    /** The deliveries a sender got a 200 for, in one statement once its batch is sent. */
    void delivered(List<UUID> ids, int status, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update sandbox_webhook_deliveries set status = 'DELIVERED', attempts = attempts + 1,
                            last_status = :status, last_error = null, delivered_at = :now, lease_until = null
                        where delivery_id in (:ids)""")
                .param("status", status)
                .param("now", utc(now))
                .param("ids", ids)
                .update();
    }

    void failed(UUID id, @Nullable Integer status, String error, @Nullable Instant nextAttempt) {
        jdbc.sql("""
                        update sandbox_webhook_deliveries set status = :state, attempts = attempts + 1,
                            last_status = :status, last_error = :error, lease_until = null,
                            next_attempt_at = coalesce(:next, next_attempt_at)
                        where delivery_id = :id""")
                .param("state", nextAttempt == null ? WebhookDelivery.GAVE_UP : WebhookDelivery.PENDING)
                .param("status", status)
                .param("error", error.length() > 400 ? error.substring(0, 400) : error)
                .param("next", nextAttempt == null ? null : utc(nextAttempt))
                .param("id", id)
                .update();
    }

    /** Sends a pending delivery at once (the console's "Tentar agora"). */
    public void retryNow(UUID id, Instant now) {
        jdbc.sql("""
                        update sandbox_webhook_deliveries set next_attempt_at = :now
                        where delivery_id = :id and status = 'PENDING'""").param("now", utc(now)).param("id", id).update();
    }

    public List<WebhookDelivery> latest(int max) {
        return jdbc.sql("""
                        select * from sandbox_webhook_deliveries
                        order by created_at desc, next_attempt_at desc fetch first :max rows only""")
                .param("max", max)
                .query(WebhookDeliveries::delivery)
                .list();
    }

    /** Every delivery about one WABA or business (entry id), oldest first. */
    public List<WebhookDelivery> forEntry(String entryId) {
        return jdbc.sql("""
                        select * from sandbox_webhook_deliveries where entry_id = :entry
                        order by created_at, next_attempt_at""")
                .param("entry", entryId)
                .query(WebhookDeliveries::delivery)
                .list();
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(
                rs.getObject("delivery_id", UUID.class),
                rs.getString("field"),
                rs.getString("entry_id"),
                rs.getString("target_url"),
                rs.getString("payload"),
                rs.getObject("duplicate_of", UUID.class),
                rs.getString("status"),
                rs.getInt("attempts"),
                Duration.ofMillis(rs.getLong("retry_first_ms")),
                Duration.ofMillis(rs.getLong("retry_max_ms")),
                requiredInstant(rs, "give_up_at"),
                requiredInstant(rs, "next_attempt_at"),
                rs.getObject("last_status", Integer.class),
                rs.getString("last_error"),
                requiredInstant(rs, "created_at"),
                instant(rs, "delivered_at"));
    }
}
