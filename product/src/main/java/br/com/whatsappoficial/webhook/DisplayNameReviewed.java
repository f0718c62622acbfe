package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code phone_number_name_update}: the review of a number's display name.
 *
 * @param decision APPROVED, REJECTED, DEFERRED or PENDING
 * @param rejectionReason Meta's reason of a rejection (NAME_FORMAT_UNACCEPTABLE, ...), or null
 */
public record DisplayNameReviewed(
        StoreId store,
        String wabaId,
        String displayPhoneNumber,
        String decision,
        @Nullable String requestedVerifiedName,
        @Nullable String rejectionReason,
        @Nullable Instant at) {}
