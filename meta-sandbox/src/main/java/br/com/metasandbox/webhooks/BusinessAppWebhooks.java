package br.com.metasandbox.webhooks;

import static br.com.metasandbox.webhooks.WebhookNotifications.map;

import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What Meta tells about a number on the WhatsApp Business app (coexistence), in the shapes of Meta's webhook
 * references: {@code smb_app_state_sync} (contacts), {@code history} (chats in phases and chunks, or error
 * 2593109 when the business does not share them), {@code smb_message_echoes} (what the business sends from the
 * app) and {@code account_update} when it leaves.
 */
@Component
public class BusinessAppWebhooks {

    static final String STATE_SYNC = "smb_app_state_sync";
    static final String HISTORY = "history";
    static final String ECHOES = "smb_message_echoes";

    /** Meta's error when the business turned history sharing off in the app [doc]. */
    public static final int HISTORY_NOT_SHARED = 2593109;

    /** One contact of the app's address book. */
    public record Contact(String fullName, String firstName, String waId) {}

    /** One message of a chat thread, sent by the business ({@code fromBusiness}) or by the customer. */
    public record HistoryMessage(String id, boolean fromBusiness, String text, Instant at, String status) {}

    /** One chat, named by the customer's number, and its messages. */
    public record Thread(String waId, List<HistoryMessage> messages) {}

    private final WebhookOutbox outbox;

    BusinessAppWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    /** The app's contacts, added ({@code add}) in one change. */
    public void contacts(PhoneNumber phone, List<Contact> contacts, Instant at, Duration after) {
        List<Map<String, Object>> items = contacts.stream()
                .map(contact -> map(
                        "type",
                        "contact",
                        "contact",
                        map(
                                "full_name",
                                contact.fullName(),
                                "first_name",
                                contact.firstName(),
                                "phone_number",
                                contact.waId()),
                        "action",
                        "add",
                        "metadata",
                        map("timestamp", Long.toString(at.getEpochSecond()))))
                .toList();
        Map<String, Object> value = WebhookNotifications.messagingValue(phone);
        value.put("state_sync", items);
        outbox.enqueue(STATE_SYNC, phone.wabaId(), value, null, after);
    }

    /** One chunk of chat history, posted {@code after} from now. */
    public void historyChunk(
            PhoneNumber phone, int phase, int chunkOrder, int progress, List<Thread> threads, Duration after) {
        List<Map<String, Object>> items = threads.stream()
                .map(thread -> map(
                        "id",
                        thread.waId(),
                        "messages",
                        thread.messages().stream()
                                .map(message -> historyMessage(phone, thread, message))
                                .toList()))
                .toList();
        Map<String, Object> value = WebhookNotifications.messagingValue(phone);
        value.put(
                "history",
                List.of(map(
                        "metadata",
                        map("phase", phase, "chunk_order", chunkOrder, "progress", progress),
                        "threads",
                        items)));
        outbox.enqueue(HISTORY, phone.wabaId(), value, null, after);
    }

    /** The business turned history sharing off in the app: one {@code history} change with error 2593109 [doc]. */
    public void historyDeclined(PhoneNumber phone, Duration after) {
        String title = "History sync is turned off by the business from the WhatsApp Business App";
        Map<String, Object> error = map("code", HISTORY_NOT_SHARED, "title", title, "message", title);
        error.put("error_data", map("details", "History sharing is turned off by the business"));
        Map<String, Object> value = WebhookNotifications.messagingValue(phone);
        value.put("history", List.of(map("errors", List.of(error))));
        outbox.enqueue(HISTORY, phone.wabaId(), value, null, after);
    }

    /** A text the business sent from the app to a customer [doc]. */
    public void echo(PhoneNumber phone, String waId, String messageId, String body, Instant at) {
        Map<String, Object> echo = map(
                "from",
                phone.digits(),
                "to",
                waId,
                "id",
                messageId,
                "timestamp",
                Long.toString(at.getEpochSecond()),
                "type",
                "text");
        echo.put("text", map("body", body));
        Map<String, Object> value = WebhookNotifications.messagingValue(phone);
        value.put("message_echoes", List.of(echo));
        outbox.enqueue(ECHOES, phone.wabaId(), value, null, Duration.ZERO);
    }

    /**
     * The business left: {@code ACCOUNT_OFFBOARDED} (the app moved phone or registered again) or
     * {@code PARTNER_REMOVED}. Meta documents only the event names; carrying {@code waba_info} as
     * {@code PARTNER_ADDED} does is the sandbox's choice.
     */
    public void offboarded(WhatsAppBusinessAccount waba, String event) {
        outbox.enqueue(
                WebhookNotifications.ACCOUNT_UPDATE,
                waba.id(),
                map("event", event, "waba_info", map("waba_id", waba.id(), "owner_business_id", waba.businessId())));
    }

    private static Map<String, Object> historyMessage(PhoneNumber phone, Thread thread, HistoryMessage message) {
        Map<String, Object> item = map("from", message.fromBusiness() ? phone.digits() : thread.waId());
        if (message.fromBusiness()) {
            item.put("to", thread.waId());
        }
        item.put("id", message.id());
        item.put("timestamp", Long.toString(message.at().getEpochSecond()));
        item.put("type", "text");
        item.put("text", map("body", message.text()));
        item.put("history_context", map("status", message.status()));
        return item;
    }
}
