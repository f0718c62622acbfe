package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The current store's status callbacks: queued with the status that caused them, then each attempt's outcome. */
@Component
class CallbackLog {

    /** Where a callback is. */
    enum State {
        PENDING,
        DELIVERED,
        GAVE_UP
    }

    /**
     * One callback as the merchant's log shows it.
     *
     * @param lastHttp the receiver's HTTP status at the last attempt, null when it gave none
     * @param lastError why the last attempt got no answer (a {@link CallbackPoster.Failure} name, or {@code
     *     no_url}, {@code no_secret})
     * @param nextTry when it is tried again, while pending
     */
    record Entry(
            long id,
            MessageId message,
            String status,
            State state,
            int attempts,
            @Nullable String urlHost,
            @Nullable Integer lastHttp,
            @Nullable String lastError,
            @Nullable Instant lastAttemptAt,
            @Nullable Instant nextTry,
            Instant createdAt) {}

    private final StoreScopedJdbc jdbc;

    CallbackLog(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A callback to queue: the body is written once and sent as is on every attempt. */
    record NewCallback(MessageId message, String status, String body) {}

    /**
     * Queues callbacks, due at once, in the given order: each after every earlier one of its message, by
     * its id.
     */
    void enqueueAll(List<NewCallback> callbacks, Instant now) {
        jdbc.batch(
                """
                insert into messaging_callbacks (store_id, message_id, status, body, state, due_at, created_at)
                values (:storeId, :message, :status, :body, 'PENDING', :now, :now)""",
                callbacks.stream()
                        .map(callback -> Map.of(
                                "message", callback.message().value(),
                                "status", callback.status(),
                                "body", callback.body(),
                                "now", utc(now)))
                        .toList());
    }

    /** The store's last {@code limit} callbacks, newest first. */
    List<Entry> recent(int limit) {
        return jdbc.sql("""
                        select * from messaging_callbacks where store_id = :storeId
                        order by callback_id desc limit :limit""").param("limit", limit).query(CallbackLog::entry).list();
    }

    void delivered(long id, String host, int http, Instant now) {
        attempted(id, State.DELIVERED, null, host, http, null, now);
    }

    void gaveUp(long id, @Nullable String host, @Nullable Integer http, @Nullable String error, Instant now) {
        attempted(id, State.GAVE_UP, null, host, http, error, now);
    }

    void retryAt(
            long id, @Nullable String host, @Nullable Integer http, @Nullable String error, Instant due, Instant now) {
        attempted(id, State.PENDING, due, host, http, error, now);
    }

    /** Records an attempt's outcome; a callback that already ended (a node whose lease ran out) stays as it is. */
    private void attempted(
            long id,
            State state,
            @Nullable Instant due,
            @Nullable String host,
            @Nullable Integer http,
            @Nullable String error,
            Instant now) {
        jdbc.sql("""
                        update messaging_callbacks set state = :state, due_at = coalesce(:due, due_at),
                            url_host = :host, last_http = :http, last_error = :error, last_attempt_at = :now
                        where store_id = :storeId and callback_id = :id and state = 'PENDING'""")
                .param("state", state.name())
                .param("due", due == null ? null : utc(due))
                .param("host", host)
                .param("http", http)
                .param("error", error)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        State state = State.valueOf(rs.getString("state"));
        int http = rs.getInt("last_http");
        Integer lastHttp = rs.wasNull() ? null : http;
        OffsetDateTime last = rs.getObject("last_attempt_at", OffsetDateTime.class);
        return new Entry(
                rs.getLong("callback_id"),
                new MessageId(rs.getObject("message_id", UUID.class)),
                rs.getString("status"),
                state,
                rs.getInt("attempts"),
                rs.getString("url_host"),
                lastHttp,
                rs.getString("last_error"),
                last == null ? null : last.toInstant(),
                state == State.PENDING
                        ? rs.getObject("due_at", OffsetDateTime.class).toInstant()
                        : null,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
