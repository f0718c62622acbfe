package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.Database;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The current store's messages, their timelines and their place in the outbox. */
@Component
class MessageRows {

    /** One line of a message's timeline: a status as Meta named it (or {@code queued}) and when. */
    record TimelineLine(String status, Instant at) {}

    /** Moves a message's status; a failure or pricing only ever fills what was empty. */
    static final String UPDATE_STATUS = """
            update messaging_messages set status = :status,
                error_code = coalesce(:errorCode, error_code),
                meta_error_code = coalesce(:metaCode, meta_error_code),
                error_title = coalesce(:errorTitle, error_title),
                error_detail = coalesce(:errorDetail, error_detail),
                pricing_category = coalesce(:category, pricing_category),
                pricing_billable = coalesce(:billable, pricing_billable),
                updated_at = :now
            where store_id = :storeId and message_id = :id""";

    private static final String INSERT_MESSAGE = """
            insert into messaging_messages (message_id, store_id, phone_number_id, waba_id, portfolio,
                customer, recipient_input, recipient_to, recipient_user_id, kind, template_name,
                template_language, content, metadata, callback_url, counts_against_limit, status,
                sending, attempts, created_at, updated_at)
            values (:id, :storeId, :phone, :waba, :portfolio, :customer, :input, :to, :userId, :kind,
                :templateName, :templateLanguage, :content, :metadata, :callbackUrl, :counts, :status,
                :sending, 0, :createdAt, :createdAt)""";

    private static final String INSERT_OUTBOX = """
            insert into messaging_outbox (message_id, store_id, due_at, phone_number_id, slot_at,
                slot_paused_micros)
            values (:id, :storeId, :due, :phone, :slot, :pausedBefore)""";

    private static final String ACCEPTED = """
            update messaging_messages set sending = 'ACCEPTED', meta_message_id = :metaId,
                wa_id = coalesce(:waId, wa_id), updated_at = :now
            where store_id = :storeId and message_id = :id""";

    private static final String LEAVE_OUTBOX =
            "delete from messaging_outbox where store_id = :storeId and message_id = :id";

    // PostgreSQL chains each pair in one statement (a round trip less for every message of a campaign); H2 has
    // no data-modifying WITH and runs the two one after the other.
    private static final List<String> INSERTS_ON_POSTGRES =
            List.of("with message as (" + INSERT_MESSAGE + ") " + INSERT_OUTBOX);
    private static final List<String> INSERTS_ON_H2 = List.of(INSERT_MESSAGE, INSERT_OUTBOX);
    private static final List<String> ACCEPTED_ON_POSTGRES =
            List.of("with left_outbox as (" + LEAVE_OUTBOX + ") " + ACCEPTED);
    private static final List<String> ACCEPTED_ON_H2 = List.of(ACCEPTED, LEAVE_OUTBOX);

    private final StoreScopedJdbc jdbc;
    private final JsonMapper json;
    private final Database database;

    MessageRows(StoreScopedJdbc jdbc, JsonMapper json, Database database) {
        this.jdbc = jdbc;
        this.json = json;
        this.database = database;
    }

    /** Records a new message and its place in the outbox, due at once. */
    void insert(StoredMessage message) {
        insert(message, null);
    }

    /**
     * Records a new message and its place in the outbox: with its number's send slot, due shortly before
     * it, so the outbox is in the order messages go out and another store's message due now is never behind
     * this number's backlog. Its timeline's first line, queued, is its creation time ({@link #timeline}):
     * one row less to write for every message of a campaign.
     */
    void insert(StoredMessage message, @Nullable Slot slot) {
        MessageContent content = message.content();
        Instant due = slot == null || !slot.at().minus(OutboxWorker.LEAD).isAfter(message.createdAt())
                ? message.createdAt()
                : slot.at().minus(OutboxWorker.LEAD);
        // On H2 the two inserts are atomic through the caller's transaction.
        for (String statement : database.postgres() ? INSERTS_ON_POSTGRES : INSERTS_ON_H2) {
            jdbc.sql(statement)
                    .param("id", message.id().value())
                    .param("phone", message.phoneNumberId())
                    .param("waba", message.wabaId())
                    .param("portfolio", message.portfolio())
                    .param("customer", message.customer().key())
                    .param("input", message.recipientInput())
                    .param("to", message.to())
                    .param("userId", message.userId())
                    .param("kind", content.kind())
                    .param("templateName", content instanceof MessageContent.TemplateSend t ? t.name() : null)
                    .param("templateLanguage", content instanceof MessageContent.TemplateSend t ? t.language() : null)
                    .param("content", json.writeValueAsString(content))
                    .param("metadata", message.metadata())
                    .param("callbackUrl", message.callbackUrl())
                    .param("counts", message.countsAgainstLimit())
                    .param("status", message.status().apiName())
                    .param("sending", message.sending().name())
                    .param("createdAt", utc(message.createdAt()))
                    .param("due", utc(due))
                    .param("slot", slot == null ? null : utc(slot.at()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("pausedBefore", slot == null ? null : micros(slot.pausedBefore()), java.sql.Types.BIGINT)
                    .update();
        }
    }

    Optional<StoredMessage> find(MessageId id) {
        return jdbc.sql("select * from messaging_messages where store_id = :storeId and message_id = :id")
                .param("id", id.value())
                .query(this::message)
                .optional();
    }

    /** The message, its row locked until the transaction ends: status reports of one message apply one at a time. */
    Optional<StoredMessage> lock(MessageId id) {
        return jdbc.sql("select * from messaging_messages where store_id = :storeId and message_id = :id for update")
                .param("id", id.value())
                .query(this::message)
                .optional();
    }

    /**
     * The message's timeline in order, from queued, when it was created. Meta's times have whole seconds, so within one second the statuses
     * go in their natural order (a message queued at 10:00:00.400 and sent at 10:00:00 was queued first).
     */
    List<TimelineLine> timeline(MessageId id) {
        // Messages queued before the queued line was read from their creation also have it as a row.
        return jdbc
                .sql("""
                        select 'queued' as status, created_at as at from messaging_messages where store_id = :storeId and message_id = :id
                        union all
                        select status, at from messaging_timeline
                        where store_id = :storeId and message_id = :id and status <> 'queued'""")
                .param("id", id.value())
                .query((rs, n) -> new TimelineLine(rs.getString(1), instant(rs, "at")))
                .list()
                .stream()
                .sorted(Comparator.comparing((TimelineLine line) -> line.at().truncatedTo(ChronoUnit.SECONDS))
                        .thenComparing(line -> DeliveryStatus.rankOf(line.status()))
                        .thenComparing(TimelineLine::at))
                .toList();
    }

    /**
     * Adds a line unless the message already went through that status (Meta repeats itself); true when it
     * was new.
     */
    boolean addToTimeline(MessageId id, String status, Instant at) {
        return jdbc.sql("""
                        insert into messaging_timeline (message_id, store_id, status, at)
                        values (:id, :storeId, :status, :at) on conflict do nothing""")
                        .param("id", id.value())
                        .param("status", status)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    void updateStatus(
            MessageId id,
            DeliveryStatus status,
            StoredMessage.@Nullable Failure failure,
            StoredMessage.@Nullable Pricing pricing,
            Instant now) {
        jdbc.sql(UPDATE_STATUS)
                .param("status", status.apiName())
                .param("errorCode", failure == null ? null : failure.code())
                .param("metaCode", failure == null ? null : failure.metaCode())
                .param("errorTitle", failure == null ? null : failure.title())
                .param("errorDetail", failure == null ? null : failure.detail())
                .param("category", pricing == null ? null : pricing.category())
                .param("billable", pricing == null ? null : pricing.billable())
                .param("now", utc(now))
                .param("id", id.value())
                .update();
    }

    /** Meta took the message (its answer, or a status webhook of a message whose answer was lost). */
    void accepted(MessageId id, String metaMessageId, @Nullable String waId, Instant now) {
        // Needs no transaction: on PostgreSQL one statement does both; on H2 a node lost between the two leaves
        // the row in the outbox, and the worker that claims it again finds the message no longer queued and
        // only takes it out.
        for (String statement : database.postgres() ? ACCEPTED_ON_POSTGRES : ACCEPTED_ON_H2) {
            jdbc.sql(statement)
                    .param("metaId", metaMessageId)
                    .param("waId", waId)
                    .param("now", utc(now))
                    .param("id", id.value())
                    .update();
        }
    }

    /**
     * Settles our call to Meta of a message still queued (a status webhook may have settled it first) and
     * takes it out of the outbox; false when it was no longer queued.
     */
    boolean settle(MessageId id, Sending sending, Instant now) {
        int settled = jdbc.sql("""
                        update messaging_messages set sending = :sending, updated_at = :now
                        where store_id = :storeId and message_id = :id and sending = 'QUEUED'""")
                .param("sending", sending.name())
                .param("now", utc(now))
                .param("id", id.value())
                .update();
        leaveOutbox(id);
        return settled == 1;
    }

    /** Counts an attempt and puts the message back in the outbox for {@code due}. */
    void retryAt(MessageId id, Instant due, Instant now) {
        jdbc.sql("""
                        update messaging_messages set attempts = attempts + 1, updated_at = :now
                        where store_id = :storeId and message_id = :id""").param("now", utc(now)).param("id", id.value()).update();
        jdbc.sql("""
                        update messaging_outbox set due_at = :due, in_flight = false, slot_at = null
                        where store_id = :storeId and message_id = :id""").param("due", utc(due)).param("id", id.value()).update();
    }

    /**
     * Puts the message back in the outbox until shortly before the slot its number gave it, without
     * counting an attempt: it has not been tried.
     */
    void waitForSlot(MessageId id, Slot slot, Instant due) {
        jdbc.sql("""
                        update messaging_outbox set due_at = :due, slot_at = :slot, slot_paused_micros = :pausedBefore,
                            in_flight = false
                        where store_id = :storeId and message_id = :id""")
                .param("due", utc(due))
                .param("slot", utc(slot.at()))
                .param("pausedBefore", micros(slot.pausedBefore()))
                .param("id", id.value())
                .update();
    }

    void leaveOutbox(MessageId id) {
        jdbc.sql(LEAVE_OUTBOX).param("id", id.value()).update();
    }

    private static long micros(java.time.Duration duration) {
        return duration.toNanos() / 1_000;
    }

    StoredMessage message(ResultSet rs, int row) throws SQLException {
        String errorCode = rs.getString("error_code");
        String category = rs.getString("pricing_category");
        Object billable = rs.getObject("pricing_billable");
        int metaCode = rs.getInt("meta_error_code");
        Integer metaErrorCode = rs.wasNull() ? null : metaCode;
        return new StoredMessage(
                new MessageId(rs.getObject("message_id", UUID.class)),
                rs.getString("phone_number_id"),
                rs.getString("waba_id"),
                rs.getString("portfolio"),
                new Customer(rs.getString("customer")),
                rs.getString("recipient_input"),
                rs.getString("recipient_to"),
                rs.getString("recipient_user_id"),
                rs.getString("wa_id"),
                content(rs.getString("kind"), rs.getString("content")),
                rs.getString("metadata"),
                rs.getString("callback_url"),
                rs.getBoolean("counts_against_limit"),
                DeliveryStatus.ofApiName(rs.getString("status")),
                Sending.valueOf(rs.getString("sending")),
                rs.getString("meta_message_id"),
                rs.getInt("attempts"),
                errorCode == null
                        ? null
                        : new StoredMessage.Failure(
                                errorCode, metaErrorCode, rs.getString("error_title"), rs.getString("error_detail")),
                category == null && billable == null
                        ? null
                        : new StoredMessage.Pricing(
                                category, billable == null ? null : rs.getBoolean("pricing_billable")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private MessageContent content(String kind, String content) {
        Class<? extends MessageContent> type = switch (kind) {
            case "template" -> MessageContent.TemplateSend.class;
            case "text" -> MessageContent.Text.class;
            case "link" -> MessageContent.Link.class;
            default -> throw new IllegalStateException("unknown message kind " + kind);
        };
        return json.readValue(content, type);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
