package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the current store knows of a customer before a send, in one statement: whether their service window
 * with the number is open and until when, whether they are on the suppression list, and until when Meta
 * holds marketing back from them. The campaign API asks for every message it queues; three reads, one per
 * table, were three round trips each time.
 */
@Component
class CustomerStanding {

    /** A customer's standing: the window's end (passed or not), whether they opted out, the hold's end. */
    record Standing(Optional<Instant> windowClosesAt, boolean optedOut, Optional<Instant> heldBackUntil) {}

    private final StoreScopedJdbc jdbc;

    CustomerStanding(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    Standing of(String phoneNumberId, Customer customer, Instant now) {
        return jdbc.sql("""
                        select (select last_inbound_at from messaging_windows
                                 where store_id = :storeId and phone_number_id = :phone and customer = :customer),
                               exists (select 1 from messaging_opt_outs
                                 where store_id = :storeId and customer = :customer and lifted_at is null),
                               (select until_at from messaging_marketing_held_back
                                 where store_id = :storeId and customer = :customer and until_at > :now)""")
                .param("phone", phoneNumberId)
                .param("customer", customer.key())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, n) -> new Standing(
                        instant(rs.getObject(1, OffsetDateTime.class)).map(last -> last.plus(ServiceWindows.WINDOW)),
                        rs.getBoolean(2),
                        instant(rs.getObject(3, OffsetDateTime.class))))
                .single();
    }

    private static Optional<Instant> instant(@Nullable OffsetDateTime value) {
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }
}
