package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current store's suppression list. Reports arrive late and out of order, so each change carries
 * when it happened: a stop older than the entry's last lift, or a lift older than its stop, changes
 * nothing. A customer already on the list keeps their first cause.
 */
@Component
class OptOuts {

    private static final int CHUNK = 500;
    private static final int MAX_TEXT = 300;

    private final StoreScopedJdbc jdbc;

    OptOuts(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's entry while they are on the list. */
    Optional<OptOut> find(Customer customer) {
        return jdbc.sql("""
                        select * from messaging_opt_outs
                        where store_id = :storeId and customer = :customer and lifted_at is null""")
                .param("customer", customer.key())
                .query(OptOuts::optOut)
                .optional();
    }

    /** Of these customers, those on the list, with their entries. */
    Map<Customer, OptOut> among(Collection<Customer> customers) {
        Map<Customer, OptOut> found = new HashMap<>();
        List<String> keys = customers.stream().map(Customer::key).distinct().toList();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            jdbc.sql("""
                            select * from messaging_opt_outs
                            where store_id = :storeId and lifted_at is null and customer in (:customers)""")
                    .param("customers", keys.subList(from, Math.min(keys.size(), from + CHUNK)))
                    .query(OptOuts::optOut)
                    .list()
                    .forEach(entry -> found.put(entry.customer(), entry));
        }
        return found;
    }

    /** Everyone on the list, the latest first. */
    List<OptOut> list() {
        return jdbc.sql("""
                        select * from messaging_opt_outs where store_id = :storeId and lifted_at is null
                        order by opted_out_at desc, customer""").query(OptOuts::optOut).list();
    }

    /** The customer asked to stop at {@code entry.optedOutAt()}; true when that put them on the list. */
    boolean add(OptOut entry) {
        String text = entry.messageText() == null
                ? null
                : entry.messageText()
                        .substring(0, Math.min(MAX_TEXT, entry.messageText().length()));
        OffsetDateTime at = utc(entry.optedOutAt());
        if (again(entry, text, at) > 0) {
            return true;
        }
        int inserted = bind(jdbc.sql("""
                                insert into messaging_opt_outs
                                    (store_id, customer, source, opted_out_at, message_id, message_text)
                                values (:storeId, :customer, :source, :at, :messageId, :text) on conflict do nothing"""), entry, text, at).update();
        // Not inserted: the customer is on the list already, or was lifted after this stop happened.
        return inserted > 0 || again(entry, text, at) > 0;
    }

    /** A customer lifted earlier than this stop goes back on the list, for this new cause. */
    private int again(OptOut entry, @Nullable String text, OffsetDateTime at) {
        return bind(jdbc.sql("""
                                update messaging_opt_outs
                                set source = :source, opted_out_at = :at, message_id = :messageId, message_text = :text,
                                    lifted_at = null, lifted_by = null
                                where store_id = :storeId and customer = :customer and lifted_at < :at"""), entry, text, at).update();
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, OptOut entry, @Nullable String text, OffsetDateTime at) {
        return statement
                .param("customer", entry.customer().key())
                .param("source", entry.source().column())
                .param("at", at)
                .param("messageId", entry.messageId())
                .param("text", text);
    }

    /** Takes the customer off the list, unless they asked to stop after {@code at}; true when it did. */
    boolean lift(Customer customer, Instant at, String by) {
        return jdbc.sql("""
                        update messaging_opt_outs set lifted_at = :at, lifted_by = :by
                        where store_id = :storeId and customer = :customer and lifted_at is null
                          and opted_out_at <= :at""")
                        .param("customer", customer.key())
                        .param("at", utc(at))
                        .param("by", by.substring(0, Math.min(200, by.length())))
                        .update()
                > 0;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static OptOut optOut(ResultSet rs, int row) throws SQLException {
        return new OptOut(
                new Customer(rs.getString("customer")),
                OptOutSource.ofColumn(rs.getString("source")),
                rs.getObject("opted_out_at", OffsetDateTime.class).toInstant(),
                rs.getString("message_id"),
                rs.getString("message_text"));
    }
}
