package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.Database;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Each customer's 24 h customer-service window per number of the current store, opened and renewed by
 * the customer's own messages; and the link between a customer's business-scoped user id and WhatsApp id.
 */
@Component
class ServiceWindows {

    static final Duration WINDOW = Duration.ofHours(24);
    private static final int CHUNK = 500;

    private static final String RENEW = """
            update messaging_windows set last_inbound_at = :at
            where store_id = :storeId and phone_number_id = :phone and customer = :customer
              and last_inbound_at < :at""";

    private final StoreScopedJdbc jdbc;
    private final Database database;

    ServiceWindows(StoreScopedJdbc jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** When the customer's window with this number closes; empty when it never opened. */
    Optional<Instant> closesAt(String phoneNumberId, Customer customer) {
        return jdbc.sql("""
                        select last_inbound_at from messaging_windows
                        where store_id = :storeId and phone_number_id = :phone and customer = :customer""")
                .param("phone", phoneNumberId)
                .param("customer", customer.key())
                .query(OffsetDateTime.class)
                .optional()
                .map(last -> last.toInstant().plus(WINDOW));
    }

    /** Of these customers, those whose window with this number is open at {@code now}, and when it closes. */
    Map<Customer, Instant> closingAfter(String phoneNumberId, Collection<Customer> customers, Instant now) {
        Map<Customer, Instant> open = new HashMap<>();
        List<String> keys = customers.stream().map(Customer::key).distinct().toList();
        OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(WINDOW), ZoneOffset.UTC);
        for (int from = 0; from < keys.size(); from += CHUNK) {
            jdbc.sql("""
                            select customer, last_inbound_at from messaging_windows
                            where store_id = :storeId and phone_number_id = :phone and last_inbound_at > :since
                              and customer in (:customers)""")
                    .param("phone", phoneNumberId)
                    .param("since", since)
                    .param("customers", keys.subList(from, Math.min(keys.size(), from + CHUNK)))
                    .query((rs, n) -> Map.entry(
                            new Customer(rs.getString(1)),
                            rs.getObject(2, OffsetDateTime.class).toInstant().plus(WINDOW)))
                    .list()
                    .forEach(entry -> open.put(entry.getKey(), entry.getValue()));
        }
        return open;
    }

    /** A customer wrote at {@code at}: the window runs 24 h from their latest message, whatever the order of arrival. */
    void customerWrote(String phoneNumberId, Customer customer, Instant at) {
        customersWrote(Map.of(new Writer(phoneNumberId, customer), at));
    }

    /** A customer of one of the store's numbers. */
    record Writer(String phoneNumberId, Customer customer) {}

    /**
     * Customers wrote, each last at the given time: their windows run 24 h from then unless they already
     * run longer. One statement on PostgreSQL, three JDBC batches at most elsewhere, whatever the number of
     * customers.
     */
    void customersWrote(Map<Writer, Instant> latest) {
        if (latest.isEmpty()) {
            return;
        }
        // In key order: two batches renewing the same windows take their row locks in the same order.
        List<Map<String, Object>> rows = latest.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Writer::phoneNumberId)
                        .thenComparing(writer -> writer.customer().key())))
                .map(wrote -> Map.<String, Object>of(
                        "phone", wrote.getKey().phoneNumberId(),
                        "customer", wrote.getKey().customer().key(),
                        "at", OffsetDateTime.ofInstant(wrote.getValue(), ZoneOffset.UTC)))
                .toList();
        if (database.postgres()) {
            // One upsert for the batch; a window that already runs longer stays.
            jdbc.sql("""
                            insert into messaging_windows (store_id, phone_number_id, customer, last_inbound_at)
                            select :storeId, w.phone, w.customer, w.at
                            from unnest(cast(:phones as varchar[]), cast(:customers as varchar[]),
                                        cast(:ats as timestamp with time zone[])) as w(phone, customer, at)
                            on conflict (store_id, phone_number_id, customer)
                            do update set last_inbound_at = excluded.last_inbound_at
                            where messaging_windows.last_inbound_at < excluded.last_inbound_at""")
                    .param("phones", rows.stream().map(row -> row.get("phone")).toArray(String[]::new))
                    .param(
                            "customers",
                            rows.stream().map(row -> row.get("customer")).toArray(String[]::new))
                    .param(
                            "ats",
                            rows.stream()
                                    .map(row -> ((OffsetDateTime) row.get("at"))
                                            .toInstant()
                                            .toString())
                                    .toArray(String[]::new))
                    .update();
            return;
        }
        List<Map<String, Object>> absent = unchanged(rows, jdbc.batch(RENEW, rows));
        if (absent.isEmpty()) {
            return;
        }
        List<Map<String, Object>> raced = unchanged(absent, jdbc.batch("""
                insert into messaging_windows (store_id, phone_number_id, customer, last_inbound_at)
                values (:storeId, :phone, :customer, :at) on conflict do nothing""", absent));
        // The row exists: another message of the customer inserted it first, maybe older than this one.
        jdbc.batch(RENEW, raced);
    }

    private static List<Map<String, Object>> unchanged(List<Map<String, Object>> rows, int[] counts) {
        List<Map<String, Object>> left = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                left.add(rows.get(i));
            }
        }
        return left;
    }

    /** The customer a business-scoped user id belongs to, once a webhook carried it with a WhatsApp id. */
    Optional<Customer> linkedCustomer(String userId) {
        return jdbc.sql("select customer from messaging_customer_links where store_id = :storeId and user_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .optional()
                .map(Customer::new);
    }

    /** Links each business-scoped user id to its customer, in one batch; a known link stays. */
    void linkAll(Map<String, Customer> byUserId) {
        jdbc.batch(
                """
                insert into messaging_customer_links (store_id, user_id, customer)
                values (:storeId, :userId, :customer) on conflict do nothing""",
                byUserId.entrySet().stream()
                        .map(link -> Map.of(
                                "userId",
                                link.getKey(),
                                "customer",
                                link.getValue().key()))
                        .toList());
    }
}
