package br.com.whatsappoficial.autoreply;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The current store's decisions on its customers' messages: what was answered and what not, and why. */
@Component
class ReplyHistory {

    /** One decision as the history shows it (its methods public for the page). */
    record Entry(
            String inboundMessageId,
            CustomerKey customer,
            String messageType,
            @Nullable String excerpt,
            Instant sentAt,
            Instant decidedAt,
            Decision.Reason reason,
            @Nullable UUID replyMessageId,
            @Nullable String replyUrl) {

        public boolean answered() {
            return reason.answers();
        }
    }

    /** A page of the history, newest first. */
    record Page(List<Entry> entries, int number, int size, long total) {

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return (long) number * size < total;
        }

        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /** How much of the customer's message the history keeps: enough to recognise it, not a transcript. */
    static final int EXCERPT = 120;

    private final StoreScopedJdbc jdbc;

    ReplyHistory(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the customer's decisions until the transaction ends: two messages of one customer on two nodes
     * are decided one after the other, each seeing the other's reply.
     */
    void lockCustomer(CustomerKey customer) {
        jdbc.sql("""
                        insert into autoreply_customers (store_id, customer) values (:storeId, :customer)
                        on conflict do nothing""").param("customer", customer.value()).update();
        jdbc.sql("""
                        select customer from autoreply_customers
                        where store_id = :storeId and customer = :customer for update""").param("customer", customer.value()).query(String.class).single();
    }

    boolean decided(String inboundMessageId) {
        return jdbc.sql("""
                        select count(*) from autoreply_decisions
                        where store_id = :storeId and inbound_message_id = :id""").param("id", inboundMessageId).query(Long.class).single() > 0;
    }

    /** What the earlier decisions know of the customer, as of their message sent at {@code sentAt}. */
    CustomerHistory of(CustomerKey customer, String inboundMessageId, Instant sentAt) {
        OffsetDateTime dayBefore = utc(sentAt.minus(Duration.ofHours(24)));
        return jdbc.sql("""
                        select max(sent_at) filter (where sent_at <= :sentAt) as previous_message,
                               max(decided_at) filter (where answered) as last_reply,
                               count(*) filter (where answered and decided_at > :dayBefore) as replies,
                               count(*) filter (where quick_answer and sent_at > :dayBefore) as quick
                        from autoreply_decisions
                        where store_id = :storeId and customer = :customer and inbound_message_id <> :id""")
                .param("customer", customer.value())
                .param("id", inboundMessageId)
                .param("sentAt", utc(sentAt))
                .param("dayBefore", dayBefore)
                .query((rs, n) -> new CustomerHistory(
                        instant(rs, "previous_message"),
                        instant(rs, "last_reply"),
                        rs.getInt("replies"),
                        rs.getInt("quick")))
                .single();
    }

    /** Keeps a decision; false when the message was already decided (a webhook delivered twice). */
    boolean record(Entry entry, boolean quickAnswer, String phoneNumberId) {
        return jdbc.sql("""
                        insert into autoreply_decisions (store_id, inbound_message_id, phone_number_id, customer,
                            message_type, message_excerpt, sent_at, decided_at, reason, answered, quick_answer,
                            reply_message_id, reply_url)
                        values (:storeId, :id, :phone, :customer, :type, :excerpt, :sentAt, :decidedAt, :reason,
                            :answered, :quick, :reply, :url)
                        on conflict do nothing""")
                        .param("id", entry.inboundMessageId())
                        .param("phone", phoneNumberId)
                        .param("customer", entry.customer().value())
                        .param("type", entry.messageType())
                        .param("excerpt", entry.excerpt())
                        .param("sentAt", utc(entry.sentAt()))
                        .param("decidedAt", utc(entry.decidedAt()))
                        .param("reason", entry.reason().name())
                        .param("answered", entry.answered())
                        .param("quick", quickAnswer)
                        .param("reply", entry.replyMessageId())
                        .param("url", entry.replyUrl())
                        .update()
                == 1;
    }

    /** Page {@code number} (from 1) of the decisions, newest first. */
    Page page(int number, int size) {
        long total = jdbc.sql("select count(*) from autoreply_decisions where store_id = :storeId")
                .query(Long.class)
                .single();
        int page = (int) Math.clamp(number, 1, Math.max(1, (total + size - 1) / size));
        List<Entry> entries = jdbc.sql("""
                        select * from autoreply_decisions where store_id = :storeId
                        order by decided_at desc, inbound_message_id limit :size offset :offset""")
                .param("size", size)
                .param("offset", (page - 1) * size)
                .query(ReplyHistory::entry)
                .list();
        return new Page(entries, page, size, total);
    }

    /** How many customers were answered since {@code since}, for the card. */
    long answeredSince(Instant since) {
        return jdbc.sql("""
                        select count(*) from autoreply_decisions
                        where store_id = :storeId and answered and decided_at > :since""").param("since", utc(since)).query(Long.class).single();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getString("inbound_message_id"),
                new CustomerKey(rs.getString("customer")),
                rs.getString("message_type"),
                rs.getString("message_excerpt"),
                Objects.requireNonNull(instant(rs, "sent_at")),
                Objects.requireNonNull(instant(rs, "decided_at")),
                Decision.Reason.valueOf(rs.getString("reason")),
                rs.getObject("reply_message_id", UUID.class),
                rs.getString("reply_url"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
