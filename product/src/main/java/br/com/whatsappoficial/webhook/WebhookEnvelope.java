package br.com.whatsappoficial.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits Meta's envelope ({@code {"object":"whatsapp_business_account","entry":[{"id","time",
 * "changes":[{"field","value"}]}]}}) into one inbox event per entry, change and message or status, so
 * that each one is deduplicated, processed and retried on its own.
 *
 * <p>The body is read once as a token stream and each event's payload is assembled from slices of
 * Meta's own bytes: building a tree and writing one copy of it per event was a fifth of the CPU of an
 * acknowledgement. The members of an object may come in any order (Meta puts {@code field} after
 * {@code value}), so nothing is assembled before its entry has been read whole.
 */
final class WebhookEnvelope {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    /** Tokens only: no data binding is involved, so no mapper context is made per body. */
    private static final JsonFactory TOKENS = new JsonFactory();

    private WebhookEnvelope() {}

    /** A stretch of the body: one JSON value, or one {@code "name": value} member of an object. */
    private record Slice(int start, int end) {
        int length() {
            return end - start;
        }

        String text(byte[] body) {
            return new String(body, start, end - start, StandardCharsets.UTF_8);
        }
    }

    /** A message or status of a {@code messages} change, with what its idempotency key needs. */
    private record Item(
            Slice json, @Nullable String id, @Nullable String status) {}

    /** A change as read: its members other than the item arrays are kept whole, in Meta's order. */
    private record Change(
            String field,
            Slice value,
            List<Slice> otherMembers,
            @Nullable String phoneNumberId,
            List<Item> messages,
            List<Item> statuses) {}

    /** What an entry gives each of its events. */
    private record Entry(String id, @Nullable Slice time, String timeText) {}

    static List<InboxEvent> events(byte[] signed) throws MalformedWebhook {
        byte[] body = WellFormedUtf8.of(signed);
        try (JsonParser parser = TOKENS.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedWebhook("no entry array");
            }
            String object = "";
            boolean entries = false;
            List<InboxEvent> events = new ArrayList<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("object".equals(name)) {
                    object = scalar(parser, token);
                } else if ("entry".equals(name) && token == JsonToken.START_ARRAY) {
                    entries = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        entry(parser, body, events);
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedWebhook("content after the envelope");
            }
            if (!entries) {
                throw new MalformedWebhook("no entry array");
            }
            if (!"whatsapp_business_account".equals(object)) {
                throw new MalformedWebhook("object is not whatsapp_business_account");
            }
            return events;
        } catch (JacksonException e) {
            throw new MalformedWebhook("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void entry(JsonParser parser, byte[] body, List<InboxEvent> out) throws MalformedWebhook {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        String id = "";
        Slice time = null;
        String timeText = "";
        List<Change> changes = new ArrayList<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "id" -> id = scalar(parser, token);
                case "time" -> {
                    int start = start(parser);
                    timeText = scalar(parser, token);
                    time = new Slice(start, end(parser));
                }
                case "changes" -> {
                    if (token == JsonToken.START_ARRAY) {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            changes.add(change(parser));
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
        Entry entry = new Entry(id, time, timeText);
        for (Change change : changes) {
            split(body, entry, change, out);
        }
    }

    private static Change change(JsonParser parser) throws MalformedWebhook {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedWebhook("a change without field or value");
        }
        String field = "";
        Slice value = null;
        List<Slice> otherMembers = new ArrayList<>();
        String phoneNumberId = null;
        List<Item> messages = new ArrayList<>();
        List<Item> statuses = new ArrayList<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if ("field".equals(name)) {
                field = scalar(parser, token);
            } else if ("value".equals(name) && token == JsonToken.START_OBJECT) {
                int valueStart = start(parser);
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    int memberStart = start(parser);
                    String member = parser.currentName();
                    JsonToken memberToken = parser.nextToken();
                    if (("messages".equals(member) || "statuses".equals(member))
                            && memberToken == JsonToken.START_ARRAY) {
                        List<Item> items = "messages".equals(member) ? messages : statuses;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            items.add(item(parser));
                        }
                        continue;
                    }
                    if ("metadata".equals(member) && memberToken == JsonToken.START_OBJECT) {
                        phoneNumberId = member(parser, "phone_number_id");
                    } else {
                        skip(parser, memberToken);
                    }
                    otherMembers.add(new Slice(memberStart, end(parser)));
                }
                value = new Slice(valueStart, end(parser));
            } else {
                skip(parser, token);
            }
        }
        if (field.isEmpty() || value == null) {
            throw new MalformedWebhook("a change without field or value");
        }
        return new Change(field, value, otherMembers, phoneNumberId, messages, statuses);
    }

    /** One element of a messages or statuses array, read for its id and status and kept whole. */
    private static Item item(JsonParser parser) {
        int start = start(parser);
        String id = null;
        String status = null;
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("id".equals(name) && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                    id = parser.getValueAsString();
                } else if ("status".equals(name)) {
                    status = scalar(parser, token);
                } else {
                    skip(parser, token);
                }
            }
        } else {
            skip(parser, parser.currentToken());
        }
        return new Item(new Slice(start, end(parser)), id, status);
    }

    private static void split(byte[] body, Entry entry, Change change, List<InboxEvent> out) throws MalformedWebhook {
        boolean itemized = false;
        byte[] prefix = prefix(body, entry, change.field());
        if ("messages".equals(change.field())) {
            for (Item message : change.messages()) {
                String key = message.id() != null
                        ? "message:" + message.id()
                        : lifecycleKey(change.field(), entry, message.json().text(body));
                out.add(itemEvent(body, prefix, key, entry, change, MESSAGES, message));
                itemized = true;
            }
            for (Item status : change.statuses()) {
                // A message has one event per status, and Meta may send each more than once.
                String key = status.id() != null
                        ? "status:" + (status.status() == null ? "" : status.status()) + ":" + status.id()
                        : lifecycleKey(change.field(), entry, status.json().text(body));
                out.add(itemEvent(body, prefix, key, entry, change, STATUSES, status));
                itemized = true;
            }
        }
        if (!itemized) {
            ByteBuffer payload = ByteBuffer.allocate(
                            prefix.length + change.value().length() + 1)
                    .put(prefix)
                    .put(body, change.value().start(), change.value().length())
                    .put((byte) '}');
            out.add(new InboxEvent(
                    lifecycleKey(change.field(), entry, change.value().text(body)),
                    change.field(),
                    entry.id().isEmpty() ? null : entry.id(),
                    change.phoneNumberId(),
                    payload.array()));
        }
    }

    private static final byte[] MESSAGES = "\"messages\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUSES = "\"statuses\":[".getBytes(StandardCharsets.US_ASCII);

    /** The change's value with this one item in place of all of them. */
    private static InboxEvent itemEvent(
            byte[] body, byte[] prefix, String key, Entry entry, Change change, byte[] itemsName, Item item) {
        // The payload's bytes, all copied from the body: {prefix}{members,"items":[item]}}.
        int size = prefix.length + 1 + itemsName.length + item.json().length() + 3;
        for (Slice member : change.otherMembers()) {
            size += member.length() + 1;
        }
        ByteBuffer payload = ByteBuffer.allocate(size).put(prefix).put((byte) '{');
        for (Slice member : change.otherMembers()) {
            payload.put(body, member.start(), member.length()).put((byte) ',');
        }
        payload.put(itemsName)
                .put(body, item.json().start(), item.json().length())
                .put((byte) ']')
                .put((byte) '}')
                .put((byte) '}');
        return new InboxEvent(
                key, change.field(), entry.id().isEmpty() ? null : entry.id(), change.phoneNumberId(), payload.array());
    }

    /**
     * {@code {"entry_id", "entry_time", "field", "value":} : what every event of a change starts with; its
     * value and a closing brace make the event alone with its entry's context. Payloads are assembled as
     * the body's bytes (well-formed UTF-8 by then) and go to the database as bytes, not decoded into
     * characters and encoded again per event (which took a tenth of an acknowledgement's CPU).
     */
    private static byte[] prefix(byte[] body, Entry entry, String field) {
        StringBuilder prefix = new StringBuilder(96).append("{\"entry_id\":\"");
        QUOTE.quoteAsString(entry.id(), prefix);
        prefix.append('"');
        if (entry.time() != null) {
            prefix.append(",\"entry_time\":").append(entry.time().text(body));
        }
        prefix.append(",\"field\":\"");
        QUOTE.quoteAsString(field, prefix);
        return prefix.append("\",\"value\":").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Lifecycle fields have no id of their own: field, entry and time identify a notification, and a
     * digest of its content (as a canonical JSON text, whatever Meta's spacing) tells apart several
     * changes of one entry.
     */
    private static String lifecycleKey(String field, Entry entry, String content) throws MalformedWebhook {
        try {
            return field + ":" + entry.id() + ":" + entry.timeText() + ":"
                    + digest(JSON.writeValueAsString(JSON.readTree(content)));
        } catch (JacksonException e) {
            throw new MalformedWebhook("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The first-level member {@code name} of the object the parser is at, as text; skips the rest. */
    private static @Nullable String member(JsonParser parser, String name) {
        String found = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String member = parser.currentName();
            JsonToken token = parser.nextToken();
            if (name.equals(member) && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                found = parser.getValueAsString();
            } else {
                skip(parser, token);
            }
        }
        return found;
    }

    /** A scalar's text ("" for null, objects and arrays, which are skipped). */
    private static String scalar(JsonParser parser, JsonToken token) {
        if (token.isScalarValue()) {
            return parser.getValueAsString("");
        }
        parser.skipChildren();
        return "";
    }

    /** Reads past the value the parser is at, including a string's characters. */
    private static void skip(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            // The parser reads a string's characters lazily; its position is past them only once read.
            parser.getString();
        } else {
            parser.skipChildren();
        }
    }

    private static int start(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    /** Where the value just read ends (the parser must be at its last token). */
    private static int end(JsonParser parser) {
        return (int) parser.currentLocation().getByteOffset();
    }

    static String digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
