package br.com.whatsappoficial.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Inbox events and event publications of any state and age, written straight into their tables. */
final class AgedRows {

    private final JdbcClient jdbc;
    private final String run = MetaWebhooks.run();
    private int written;

    AgedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An event processed at this time, as a worker leaves it; answers its idempotency key. */
    String done(Instant processedAt) {
        return event(InboxState.DONE, processedAt.minusSeconds(1), processedAt, processedAt);
    }

    /** An event received and last due at these times (and processed, when done); answers its key. */
    String event(InboxState state, Instant receivedAt, Instant nextAttemptAt, @Nullable Instant processedAt) {
        String key = "retention:" + run + ":" + written++;
        jdbc.sql("""
                        insert into webhook_inbox
                            (idempotency_key, field, payload, state, attempts, received_at, next_attempt_at, processed_at)
                        values (:key, 'messages', '{}', :state, 1, :received, :next, :processed)""")
                .param("key", key)
                .param("state", state.name())
                .param("received", utc(receivedAt))
                .param("next", utc(nextAttemptAt))
                .param("processed", processedAt == null ? null : utc(processedAt))
                .update();
        return key;
    }

    boolean eventKept(String key) {
        return jdbc.sql("select count(*) from webhook_inbox where idempotency_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** A publication to a listener that does not exist, so nothing could ever complete or resubmit it. */
    UUID publication(String status, Instant publishedAt, @Nullable Instant completedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication
                            (id, listener_id, event_type, serialized_event, publication_date, completion_date, status, completion_attempts)
                        values (:id, :listener, :type, '{}', :published, :completed, :status, 1)""")
                .param("id", id)
                .param("listener", "retention-test-" + run)
                .param("type", AgedRows.class.getName())
                .param("published", utc(publishedAt))
                .param("completed", completedAt == null ? null : utc(completedAt))
                .param("status", status)
                .update();
        return id;
    }

    boolean publicationKept(UUID id) {
        return jdbc.sql("select count(*) from event_publication where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
