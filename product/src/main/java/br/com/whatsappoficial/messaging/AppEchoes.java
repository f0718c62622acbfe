package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the merchant sent from the WhatsApp Business app on a coexistence number, per customer: a person
 * answered. It does not open or extend the customer's 24 h window (only the customer's own messages do),
 * but the window's page shows it and the automatic reply keeps quiet after it.
 */
@Component
public class AppEchoes {

    /** How much of a message the page keeps: enough to recognise it, not a transcript. */
    static final int EXCERPT = 120;

    /** One message from the app as the page shows it, with the customer's window at that number (public for the page). */
    public record Echo(
            String phoneNumberId,
            String customer,
            String type,
            @Nullable String excerpt,
            Instant sentAt,
            @Nullable Instant windowClosesAt) {

        public String customerDisplay() {
            return new Customer(customer).display();
        }

        public boolean windowOpen(Instant now) {
            return windowClosesAt != null && windowClosesAt.isAfter(now);
        }
    }

    private final StoreScopedJdbc jdbc;

    AppEchoes(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps one message from the app; a second delivery of the same message id changes nothing. */
    void record(
            String phoneNumberId,
            Customer customer,
            String messageId,
            String type,
            @Nullable String text,
            Instant sentAt) {
        jdbc.sql("""
                        insert into messaging_app_echoes (store_id, meta_message_id, phone_number_id, customer,
                                                          message_type, excerpt, sent_at)
                        values (:storeId, :id, :phone, :customer, :type, :excerpt, :at) on conflict do nothing""")
                .param("id", messageId)
                .param("phone", phoneNumberId)
                .param("customer", customer.key())
                .param("type", type.length() > 32 ? type.substring(0, 32) : type)
                .param("excerpt", excerpt(text))
                .param("at", OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC))
                .update();
    }

    /**
     * When the merchant last wrote to this customer from the app, on this number.
     *
     * @param customer the customer's WhatsApp id or number (a Brazilian mobile with or without its 9th digit)
     */
    public Optional<Instant> lastFromApp(String phoneNumberId, String customer) {
        return jdbc.sql("""
                        select max(sent_at) from messaging_app_echoes
                        where store_id = :storeId and phone_number_id = :phone and customer = :customer""")
                .param("phone", phoneNumberId)
                .param("customer", Customer.ofWaId(customer).key())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    /** The newest messages from the app, with each customer's window. */
    List<Echo> recent(int limit) {
        return jdbc.sql("""
                        select e.phone_number_id, e.customer, e.message_type, e.excerpt, e.sent_at, w.last_inbound_at
                        from messaging_app_echoes e
                        left join messaging_windows w on w.store_id = e.store_id
                             and w.phone_number_id = e.phone_number_id and w.customer = e.customer
                        where e.store_id = :storeId order by e.sent_at desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> {
                    OffsetDateTime inbound = rs.getObject("last_inbound_at", OffsetDateTime.class);
                    return new Echo(
                            rs.getString("phone_number_id"),
                            rs.getString("customer"),
                            rs.getString("message_type"),
                            rs.getString("excerpt"),
                            rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
                            inbound == null ? null : inbound.toInstant().plus(ServiceWindows.WINDOW));
                })
                .list();
    }

    private static @Nullable String excerpt(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1) + "…";
    }
}
