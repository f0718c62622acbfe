package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Customers Meta held marketing back from (131049, its per-user marketing limit): Meta advises not to send
 * them marketing again within 24 h, so the API refuses the store's marketing templates to them until then.
 */
@Component
class MarketingHeldBack {

    /** Meta's code for a marketing message it did not deliver to keep the customer's engagement healthy. */
    static final int PER_USER_MARKETING_LIMIT = 131049;

    /** How long after Meta's refusal the customer gets no marketing from the store. */
    static final Duration FOR = Duration.ofHours(24);

    private final StoreScopedJdbc jdbc;

    MarketingHeldBack(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Meta refused a marketing message to the customer at {@code at}; a later refusal extends the wait. */
    void refused(Customer customer, Instant at) {
        OffsetDateTime until = OffsetDateTime.ofInstant(at.plus(FOR), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        update messaging_marketing_held_back set until_at = :until
                        where store_id = :storeId and customer = :customer and until_at < :until""")
                .param("customer", customer.key())
                .param("until", until)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into messaging_marketing_held_back (store_id, customer, until_at)
                            values (:storeId, :customer, :until) on conflict do nothing""")
                    .param("customer", customer.key())
                    .param("until", until)
                    .update();
        }
    }
}
