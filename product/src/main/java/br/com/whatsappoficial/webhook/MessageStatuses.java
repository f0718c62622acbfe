package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The latest status of each message of the current store. Meta delivers out of order and more than
 * once, so a status only counts when it moves the message forward.
 */
@Component
class MessageStatuses {

    private final StoreScopedJdbc jdbc;

    MessageStatuses(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the report when it moves the message forward and returns the change to publish; empty
     * for a duplicate or a late, older status. Safe under concurrency: the conditional update is
     * evaluated on the locked row.
     */
    Optional<MessageStatusChanged> advance(StatusReport report) {
        Optional<MessageStatus> before = current(report.messageId());
        int inserted = jdbc.sql("""
                        insert into webhook_message_statuses (store_id, message_id, status, status_rank, status_at)
                        values (:storeId, :messageId, :status, :rank, :at)
                        on conflict do nothing""")
                .param("messageId", report.messageId())
                .param("status", report.status().name())
                .param("rank", report.status().ordinal())
                .param("at", OffsetDateTime.ofInstant(report.at(), ZoneOffset.UTC))
                .update();
        if (inserted == 1) {
            return Optional.of(report.changedFrom(null));
        }
        int advanced = jdbc.sql("""
                        update webhook_message_statuses set status = :status, status_rank = :rank, status_at = :at
                        where store_id = :storeId and message_id = :messageId and status_rank < :rank""")
                .param("messageId", report.messageId())
                .param("status", report.status().name())
                .param("rank", report.status().ordinal())
                .param("at", OffsetDateTime.ofInstant(report.at(), ZoneOffset.UTC))
                .update();
        return advanced == 1 ? Optional.of(report.changedFrom(before.orElse(null))) : Optional.empty();
    }

    Optional<MessageStatus> current(String messageId) {
        return jdbc.sql(
                        "select status from webhook_message_statuses where store_id = :storeId and message_id = :messageId")
                .param("messageId", messageId)
                .query(String.class)
                .optional()
                .map(MessageStatus::valueOf);
    }
}
