package br.com.whatsappoficial.template;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where the reading of the store's templates from Meta stands, as the list tells the merchant.
 *
 * @param lastSynced when Meta last answered a read of the templates; a read Meta refused is not one
 * @param scheduled a read is queued or running: a WABA was just connected (or is due) and was not read yet
 * @param retryAt when the next read is due, after Meta did not answer the last one; null when it did
 */
record TemplateSyncState(
        @Nullable Instant lastSynced,
        boolean scheduled,
        @Nullable Instant retryAt) {

    /** The label's message key; its one argument is {@link #labelTime()}. */
    String messageKey() {
        if (scheduled) {
            return "templates.sync-scheduled";
        }
        if (retryAt != null) {
            return "templates.sync-retry";
        }
        return lastSynced == null ? "templates.never-synced" : "templates.last-sync";
    }

    @Nullable
    Instant labelTime() {
        return retryAt != null && !scheduled ? retryAt : lastSynced;
    }
}
