package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.CrossStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable inbox of Meta's webhook events. A POST's events are stored in one short transaction
 * before Meta gets its 200, because Meta does not resend an acknowledged webhook and has no API to
 * fetch past ones.
 */
@Component
@CrossStore("webhooks are stored before their store is known: Meta's ids are resolved by the workers")
class WebhookInbox {

    /** Counts of a stored POST: new events, and redeliveries of events already in the inbox. */
    record Stored(int stored, int duplicates) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final InboxInsert insert;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WebhookInbox(NamedParameterJdbcTemplate jdbc, InboxInsert insert, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.insert = insert;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Stores the events of several POSTs in one transaction (group commit): all or none, with what was
     * new and what was a duplicate counted per POST.
     */
    List<Stored> storeAll(List<List<InboxEvent>> posts) {
        List<InboxEvent> events = posts.stream().flatMap(List::stream).toList();
        boolean[] isNew = insertAll(events);
        List<Stored> stored = new ArrayList<>(posts.size());
        int row = 0;
        for (List<InboxEvent> post : posts) {
            int fresh = 0;
            for (int i = 0; i < post.size(); i++, row++) {
                fresh += isNew[row] ? 1 : 0;
            }
            stored.add(new Stored(fresh, post.size() - fresh));
        }
        return stored;
    }

    /** Inserts and commits the events, all or none; for each, whether it was new. */
    private boolean[] insertAll(List<InboxEvent> events) {
        if (events.isEmpty()) {
            return new boolean[0];
        }
        if (insert.oneStatement()) {
            // Its own transaction: one round trip to the database instead of two.
            return insert.insert(events, now());
        }
        return transaction.execute(status -> insert.insert(events, now()));
    }

    /** Keeps a correctly signed but unreadable body for a person to look at; the same body once. */
    void quarantineMalformed(byte[] body, String reason) {
        OffsetDateTime now = now();
        transaction.executeWithoutResult(status -> jdbc.update(
                """
                insert into webhook_inbox
                    (idempotency_key, field, payload, state, attempts, received_at, next_attempt_at, last_error)
                values (:key, '(malformed)', :payload, :state, 0, :now, :now, :reason)
                on conflict do nothing""",
                new MapSqlParameterSource()
                        .addValue("key", "malformed:" + WebhookEnvelope.digest(body))
                        .addValue("payload", text(body))
                        .addValue("state", InboxState.QUARANTINED.name())
                        .addValue("now", now)
                        .addValue("reason", truncate(reason))));
    }

    /**
     * Keeps an event whose values its columns cannot hold (longer than a column, or with a NUL character)
     * for a person to look at, under a key that fits (its digest, the same for every redelivery) and
     * with none of those values but its payload.
     */
    void quarantineUnstorable(InboxEvent event, QuarantineCause cause, String detail) {
        OffsetDateTime now = now();
        String name = cause.name().toLowerCase(Locale.ROOT);
        transaction.executeWithoutResult(status -> jdbc.update(
                """
                insert into webhook_inbox
                    (idempotency_key, field, payload, state, attempts, received_at, next_attempt_at, last_error)
                values (:key, :field, :payload, :state, 0, :now, :now, :reason)
                on conflict do nothing""",
                new MapSqlParameterSource()
                        .addValue(
                                "key",
                                name + ":" + WebhookEnvelope.digest(event.idempotencyKey() + "\n" + event.payload()))
                        .addValue("field", "(" + name + ")")
                        .addValue("payload", event.payload())
                        .addValue("state", InboxState.QUARANTINED.name())
                        .addValue("now", now)
                        .addValue("reason", truncate(cause.reason(detail)))));
    }

    /**
     * Quarantined events older than {@code beforeId} (all when null), newest first, without their
     * payloads. Ids grow with arrival, so a page boundary stays put while new events arrive.
     */
    List<QuarantinedEvent> quarantined(int limit, @Nullable Long beforeId) {
        return jdbc.query(
                """
                select id, idempotency_key, field, waba_id, phone_number_id, attempts, received_at, last_error
                from webhook_inbox where state = 'QUARANTINED' and id < :before order by id desc limit :limit""",
                new MapSqlParameterSource()
                        .addValue("limit", limit)
                        .addValue("before", beforeId == null ? Long.MAX_VALUE : beforeId),
                (row, n) -> new QuarantinedEvent(
                        row.getLong("id"),
                        row.getString("idempotency_key"),
                        row.getString("field"),
                        row.getString("waba_id"),
                        row.getString("phone_number_id"),
                        row.getInt("attempts"),
                        row.getObject("received_at", OffsetDateTime.class),
                        row.getString("last_error"),
                        null));
    }

    /** One quarantined event with its payload. */
    Optional<QuarantinedEvent> quarantined(long id) {
        return jdbc
                .query(
                        """
                        select id, idempotency_key, field, waba_id, phone_number_id, attempts, received_at, last_error, payload
                        from webhook_inbox where state = 'QUARANTINED' and id = :id""",
                        Map.of("id", id),
                        (row, n) -> new QuarantinedEvent(
                                row.getLong("id"),
                                row.getString("idempotency_key"),
                                row.getString("field"),
                                row.getString("waba_id"),
                                row.getString("phone_number_id"),
                                row.getInt("attempts"),
                                row.getObject("received_at", OffsetDateTime.class),
                                row.getString("last_error"),
                                row.getString("payload")))
                .stream()
                .findFirst();
    }

    /** Puts a quarantined event back in the queue with fresh attempts (after a fix); false if none. */
    boolean replay(long id) {
        return transaction.execute(status -> jdbc.update(
                        """
                        update webhook_inbox set state = 'PENDING', attempts = 0, next_attempt_at = :now
                        where id = :id and state = 'QUARANTINED' and field not in ('(malformed)', '(oversized)', '(unstorable)')""", new MapSqlParameterSource().addValue("id", id).addValue("now", now())))
                == 1;
    }

    /**
     * The body as text a column can hold: PostgreSQL refuses a NUL character in text, and a signed body
     * that can never be stored would be answered 503 and redelivered by Meta for days. The key is the
     * digest of the raw bytes, so a redelivery is still recognised.
     */
    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replace('\0', '\uFFFD');
    }

    /** At most 2,000 characters and no NUL: a parser's message may quote the bytes it could not read. */
    static String truncate(String reason) {
        String text = reason.replace('\0', '\uFFFD');
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
