package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out queued messages that are due, each to one worker on one node: claimed with SKIP LOCKED and
 * marked in flight for a lease, so a message is never with two workers at once.
 */
@Component
@CrossStore("the workers serve every store, then send each message as its store")
class Outbox {

    /** Longer than a Graph call with its timeouts: a worker that outlives it lost the node. */
    static final Duration LEASE = Duration.ofMinutes(2);

    /**
     * A message to send.
     *
     * @param wasInFlight a worker took it before and never came back: it may have reached Meta
     */
    record Due(MessageId message, StoreId store, boolean wasInFlight) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    List<Due> claim(int limit) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Due> due = jdbc.sql("""
                        select message_id, store_id, in_flight from messaging_outbox
                        where due_at <= :now order by due_at limit :limit for update skip locked""")
                .param("now", now)
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        new MessageId(rs.getObject(1, UUID.class)),
                        new StoreId(rs.getObject(2, UUID.class)),
                        rs.getBoolean(3)))
                .list();
        if (!due.isEmpty()) {
            jdbc.sql("update messaging_outbox set in_flight = true, due_at = :lease where message_id in (:ids)")
                    .param("lease", now.plus(LEASE))
                    .param("ids", due.stream().map(row -> row.message().value()).toList())
                    .update();
        }
        return due;
    }
}
