package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.Database;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The current store's message rows as a batch of Meta's statuses reads and writes them: each statement
 * covers the whole batch (chunked to keep parameter lists short), so a batch of a hundred statuses costs
 * a handful of round trips instead of five per status.
 */
@Component
class ReportedMessages {

    private static final int CHUNK = 500;

    /** Meta took the message: its id at Meta and the customer's WhatsApp id as Meta answered it. */
    record Acceptance(
            MessageId id,
            @Nullable String metaMessageId,
            @Nullable String waId) {}

    /** Where a batch's statuses left a message; a failure or pricing only ever fills what was empty. */
    record StatusChange(
            MessageId id,
            DeliveryStatus status,
            StoredMessage.@Nullable Failure failure,
            @Nullable String pricingCategory,
            @Nullable Boolean pricingBillable) {}

    /** A status of a message's timeline. */
    record TimelineKey(MessageId id, String status) {}

    /** A new line of a message's timeline. */
    record NewTimelineLine(MessageId id, String status, Instant at) {}

    private final StoreScopedJdbc jdbc;
    private final MessageRows rows;
    private final Database database;

    ReportedMessages(StoreScopedJdbc jdbc, MessageRows rows, Database database) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.database = database;
    }

    /** These messages of the store, locked in id order so that two batches never deadlock. */
    List<StoredMessage> lockAll(Collection<MessageId> ids) {
        return lock("message_id", ids.stream().map(MessageId::value).sorted().toList());
    }

    /** The store's messages Meta knows by these ids, locked in id order. */
    List<StoredMessage> lockAllByMetaId(Collection<String> metaIds) {
        return lock("meta_message_id", metaIds.stream().sorted().toList());
    }

    private List<StoredMessage> lock(String column, List<?> values) {
        if (values.isEmpty()) {
            // A batch of statuses all of messages the API sent, or none of them: one statement fewer.
            return List.of();
        }
        if (database.postgres()) {
            // One array parameter: the same statement text whatever the batch's size, so PostgreSQL parses and
            // plans it once per connection ("in (:ids)" expands to as many parameters as ids).
            return jdbc.sql("select * from messaging_messages where store_id = :storeId and " + column
                            + " = any(cast(:ids as " + ("message_id".equals(column) ? "uuid" : "varchar") + "[]))"
                            + " order by message_id for update")
                    .param("ids", values.stream().map(Object::toString).toArray(String[]::new))
                    .query(rows::message)
                    .list();
        }
        List<StoredMessage> locked = new ArrayList<>(values.size());
        for (int from = 0; from < values.size(); from += CHUNK) {
            locked.addAll(jdbc.sql("select * from messaging_messages where store_id = :storeId and " + column
                            + " in (:ids) order by message_id for update")
                    .param("ids", values.subList(from, Math.min(values.size(), from + CHUNK)))
                    .query(rows::message)
                    .list());
        }
        return locked;
    }

    /** The statuses already on each message's timeline. */
    private Map<MessageId, Set<String>> timelineStatuses(Collection<MessageId> ids) {
        List<UUID> values = ids.stream().map(MessageId::value).toList();
        Map<MessageId, Set<String>> statuses = new HashMap<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            jdbc.sql("""
                            select message_id, status from messaging_timeline
                            where store_id = :storeId and message_id in (:ids)""")
                    .param("ids", values.subList(from, Math.min(values.size(), from + CHUNK)))
                    .query((rs, n) -> {
                        statuses.computeIfAbsent(new MessageId(rs.getObject(1, UUID.class)), id -> new HashSet<>())
                                .add(rs.getString(2));
                        return null;
                    })
                    .list();
        }
        return statuses;
    }

    /** Meta has these messages, whatever our calls heard back: they leave the outbox. */
    void acceptAll(List<Acceptance> accepted, Instant now) {
        jdbc.batch(
                """
                update messaging_messages set sending = 'ACCEPTED', meta_message_id = :metaId,
                    wa_id = coalesce(:waId, wa_id), updated_at = :now
                where store_id = :storeId and message_id = :id""",
                accepted.stream()
                        .map(acceptance -> params(
                                "id", acceptance.id().value(),
                                "metaId", acceptance.metaMessageId(),
                                "waId", acceptance.waId(),
                                "now", utc(now)))
                        .toList());
        jdbc.batch(
                "delete from messaging_outbox where store_id = :storeId and message_id = :id",
                accepted.stream()
                        .map(acceptance -> params("id", acceptance.id().value()))
                        .toList());
    }

    void updateStatuses(List<StatusChange> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        if (database.postgres()) {
            jdbc.sql("""
                            update messaging_messages m set status = c.status,
                                error_code = coalesce(c.error_code, m.error_code),
                                meta_error_code = coalesce(c.meta_code, m.meta_error_code),
                                error_title = coalesce(c.error_title, m.error_title),
                                error_detail = coalesce(c.error_detail, m.error_detail),
                                pricing_category = coalesce(c.category, m.pricing_category),
                                pricing_billable = coalesce(c.billable, m.pricing_billable),
                                updated_at = :now
                            from unnest(cast(:ids as uuid[]), cast(:statuses as varchar[]), cast(:codes as varchar[]),
                                        cast(:metaCodes as integer[]), cast(:titles as varchar[]),
                                        cast(:details as varchar[]), cast(:categories as varchar[]),
                                        cast(:billables as boolean[]))
                                as c(id, status, error_code, meta_code, error_title, error_detail, category, billable)
                            where m.store_id = :storeId and m.message_id = c.id""")
                    .param("ids", column(changes, change -> change.id().value().toString(), String[]::new))
                    .param("statuses", column(changes, change -> change.status().apiName(), String[]::new))
                    .param(
                            "codes",
                            column(changes, change -> failure(change, StoredMessage.Failure::code), String[]::new))
                    .param(
                            "metaCodes",
                            column(changes, change -> failure(change, StoredMessage.Failure::metaCode), Integer[]::new))
                    .param(
                            "titles",
                            column(changes, change -> failure(change, StoredMessage.Failure::title), String[]::new))
                    .param(
                            "details",
                            column(changes, change -> failure(change, StoredMessage.Failure::detail), String[]::new))
                    .param("categories", column(changes, StatusChange::pricingCategory, String[]::new))
                    .param("billables", column(changes, change -> text(change.pricingBillable()), String[]::new))
                    .param("now", utc(now))
                    .update();
            return;
        }
        jdbc.batch(
                MessageRows.UPDATE_STATUS,
                changes.stream()
                        .map(change -> {
                            StoredMessage.Failure failure = change.failure();
                            return params(
                                    "id", change.id().value(),
                                    "status", change.status().apiName(),
                                    "errorCode", failure == null ? null : failure.code(),
                                    "metaCode", failure == null ? null : failure.metaCode(),
                                    "errorTitle", failure == null ? null : failure.title(),
                                    "errorDetail", failure == null ? null : failure.detail(),
                                    "category", change.pricingCategory(),
                                    "billable", change.pricingBillable(),
                                    "now", utc(now));
                        })
                        .toList());
    }

    /**
     * Adds the lines a message's timeline does not have yet and answers which they were (a line the
     * timeline had stays as it was, with its first time). Call with the messages locked.
     */
    Set<TimelineKey> addToTimelines(List<NewTimelineLine> lines) {
        if (lines.isEmpty()) {
            return Set.of();
        }
        if (database.postgres()) {
            return new HashSet<>(jdbc.sql("""
                            insert into messaging_timeline (message_id, store_id, status, at)
                            select l.id, :storeId, l.status, l.at
                            from unnest(cast(:ids as uuid[]), cast(:statuses as varchar[]),
                                        cast(:ats as timestamp with time zone[])) as l(id, status, at)
                            on conflict do nothing
                            returning message_id, status""")
                    .param("ids", column(lines, line -> line.id().value().toString(), String[]::new))
                    .param("statuses", column(lines, NewTimelineLine::status, String[]::new))
                    .param("ats", column(lines, line -> line.at().toString(), String[]::new))
                    .query((rs, n) -> new TimelineKey(new MessageId(rs.getObject(1, UUID.class)), rs.getString(2)))
                    .list());
        }
        Map<MessageId, Set<String>> had =
                timelineStatuses(lines.stream().map(NewTimelineLine::id).toList());
        List<NewTimelineLine> fresh = lines.stream()
                .filter(line -> !had.getOrDefault(line.id(), Set.of()).contains(line.status()))
                .toList();
        jdbc.batch(
                """
                insert into messaging_timeline (message_id, store_id, status, at)
                values (:id, :storeId, :status, :at) on conflict do nothing""",
                fresh.stream()
                        .map(line -> params("id", line.id().value(), "status", line.status(), "at", utc(line.at())))
                        .toList());
        return fresh.stream()
                .map(line -> new TimelineKey(line.id(), line.status()))
                .collect(Collectors.toSet());
    }

    private static <T, V> V[] column(List<T> rows, Function<T, @Nullable V> value, IntFunction<V[]> array) {
        V[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return values;
    }

    /** Array parameters go as text (the driver binds String[] only) and are cast in the statement. */
    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static <V> @Nullable V failure(StatusChange change, Function<StoredMessage.Failure, @Nullable V> field) {
        return change.failure() == null ? null : field.apply(change.failure());
    }

    /** Parameters that may be null (which {@link Map#of} refuses). */
    private static Map<String, @Nullable Object> params(@Nullable Object... namesAndValues) {
        Map<String, @Nullable Object> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
