package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Meta's {@code account_review_update}: APPROVED, REJECTED, PENDING or DEFERRED. */
public record AccountReviewed(
        StoreId store,
        String wabaId,
        String decision,
        @Nullable Instant at) {}
