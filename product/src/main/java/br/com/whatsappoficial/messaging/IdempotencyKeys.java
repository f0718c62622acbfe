package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.Database;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The engine's {@code Idempotency-Key}s of the current store, for 24 h. Only a queued message keeps its
 * key: a refusal holds nothing, so the same request may simply be tried again later.
 */
@Component
class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(24);

    private final StoreScopedJdbc jdbc;
    private final Database database;

    IdempotencyKeys(StoreScopedJdbc jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * The message an earlier request queued under the key within 24 h, read without reserving anything, so
     * that a replay answers as the first time even when the same request would be refused today (its
     * template since paused, the budget since used up); {@link SendProblem.IdempotencyConflict} when that
     * request's body was another.
     */
    Optional<MessageId> answered(String key, String requestHash, Instant now) {
        record Earlier(String hash, UUID message) {}
        Optional<Earlier> earlier = jdbc.sql("""
                        select request_hash, message_id from messaging_idempotency
                        where store_id = :storeId and idempotency_key = :key and created_at > :expired""")
                .param("key", key)
                .param("expired", OffsetDateTime.ofInstant(now.minus(KEPT), ZoneOffset.UTC))
                .query((rs, n) -> new Earlier(rs.getString(1), rs.getObject(2, UUID.class)))
                .optional();
        if (earlier.isPresent() && !earlier.get().hash().equals(requestHash)) {
            throw new SendProblem.IdempotencyConflict();
        }
        return earlier.map(found -> new MessageId(found.message()));
    }

    /** Gives back a key reserved for a message that was then refused: a refusal holds nothing. */
    void forget(String key, MessageId candidate) {
        jdbc.sql("""
                        delete from messaging_idempotency
                        where store_id = :storeId and idempotency_key = :key and message_id = :message""").param("key", key).param("message", candidate.value()).update();
    }

    /**
     * Reserves the key for a new message; empty when it is new. A request already answered under the key
     * returns that message, or {@link SendProblem.IdempotencyConflict} when its body was another. Two
     * requests racing with one key wait for each other here (the key's row), so only one message is queued.
     */
    Optional<MessageId> reserve(String key, String requestHash, MessageId candidate, Instant now) {
        OffsetDateTime expired = OffsetDateTime.ofInstant(now.minus(KEPT), ZoneOffset.UTC);
        int reserved;
        if (database.postgres()) {
            // One statement per message of a campaign: a key older than 24 h is taken over in place. A live key's
            // row is locked by it until the transaction ends, which the read below then finds as it was.
            reserved = jdbc.sql("""
                            insert into messaging_idempotency (store_id, idempotency_key, request_hash, message_id, created_at)
                            values (:storeId, :key, :hash, :message, :now)
                            on conflict (store_id, idempotency_key) do update
                               set request_hash = excluded.request_hash, message_id = excluded.message_id,
                                   created_at = excluded.created_at
                             where messaging_idempotency.created_at <= :expired""")
                    .param("key", key)
                    .param("hash", requestHash)
                    .param("message", candidate.value())
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .param("expired", expired)
                    .update();
        } else {
            jdbc.sql("""
                            delete from messaging_idempotency
                            where store_id = :storeId and idempotency_key = :key and created_at <= :expired""").param("key", key).param("expired", expired).update();
            reserved = jdbc.sql("""
                            insert into messaging_idempotency (store_id, idempotency_key, request_hash, message_id, created_at)
                            values (:storeId, :key, :hash, :message, :now) on conflict do nothing""")
                    .param("key", key)
                    .param("hash", requestHash)
                    .param("message", candidate.value())
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
        }
        if (reserved == 1) {
            return Optional.empty();
        }
        record Earlier(String hash, UUID message) {}
        Earlier earlier = jdbc.sql("""
                        select request_hash, message_id from messaging_idempotency
                        where store_id = :storeId and idempotency_key = :key""")
                .param("key", key)
                .query((rs, n) -> new Earlier(rs.getString(1), rs.getObject(2, UUID.class)))
                .single();
        if (!earlier.hash().equals(requestHash)) {
            throw new SendProblem.IdempotencyConflict();
        }
        return Optional.of(new MessageId(earlier.message()));
    }
}
