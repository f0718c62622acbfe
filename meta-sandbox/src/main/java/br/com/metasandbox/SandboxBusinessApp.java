package br.com.metasandbox;

import br.com.metasandbox.graph.MessageSending;
import br.com.metasandbox.state.BusinessAppLinks;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.SandboxMessages;
import br.com.metasandbox.state.WaId;
import br.com.metasandbox.webhooks.BusinessAppWebhooks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's WhatsApp Business app on a coexistence number (contract §12), for the console and for
 * the product's tests: it joins Cloud API without a register call, sends messages of its own (Meta echoes
 * them) and may leave again.
 */
@Component
public class SandboxBusinessApp {

    /** The account_update events of a number leaving coexistence [doc]. */
    public static final Set<String> OFFBOARD_EVENTS = Set.of("ACCOUNT_OFFBOARDED", "PARTNER_REMOVED");

    private final SandboxMeta meta;
    private final SandboxAccounts accounts;
    private final BusinessAppLinks links;
    private final BusinessAppWebhooks webhooks;
    private final SandboxMessages messages;
    private final JsonMapper json;
    private final Clock clock;

    SandboxBusinessApp(
            SandboxMeta meta,
            SandboxAccounts accounts,
            BusinessAppLinks links,
            BusinessAppWebhooks webhooks,
            SandboxMessages messages,
            JsonMapper json,
            Clock clock) {
        this.meta = meta;
        this.accounts = accounts;
        this.links = links;
        this.webhooks = webhooks;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A number of the app joins Cloud API through Embedded Signup's business-app flow: it stays on the
     * app, is CONNECTED at once and has 24 h for its contacts and history to be asked for.
     *
     * @param shareHistory whether the business lets the app share its chats (else history answers 2593109)
     */
    @Transactional
    public SandboxPhone onboard(String wabaId, String e164, String verifiedName, boolean shareHistory) {
        SandboxPhone phone = meta.addPhone(wabaId, e164, verifiedName);
        joined(phone.id(), shareHistory);
        return phone;
    }

    /** An existing number of the sandbox joins from the app (the signup popup's business-app flow). */
    @Transactional
    public void joined(String phoneId, boolean shareHistory) {
        Instant now = clock.instant();
        accounts.setOnBusinessApp(phoneId, now);
        links.insert(phoneId, shareHistory, now);
    }

    /** The business switches history sharing in the app; it matters until history is asked for. */
    public void shareHistory(String phoneId, boolean shared) {
        links.shareHistory(phoneId, shared);
    }

    /**
     * The merchant writes to a customer from the app: the customer's phone shows it and Meta sends
     * {@code smb_message_echoes}. Returns the message's wamid.
     */
    @Transactional
    public String sendFromApp(String phoneId, String customer, String body) {
        if (body.isBlank()) {
            throw new IllegalArgumentException("body must not be blank");
        }
        PhoneNumber phone = linkedPhone(phoneId);
        WaId waId = WaId.fromRecipient(customer);
        String id = MessageSending.wamid(waId);
        Instant now = clock.instant();
        String payload = json.writeValueAsString(java.util.Map.of(
                "messaging_product",
                "whatsapp",
                "to",
                waId.value(),
                "type",
                "text",
                "text",
                java.util.Map.of("body", body.strip())));
        messages.insert(new SandboxMessages.Outbound(
                id, phoneId, waId.value(), waId.value(), "text", payload, null, now, null));
        webhooks.echo(phone, waId.value(), id, body.strip(), now);
        return id;
    }

    /** The business leaves coexistence: the number goes DISCONNECTED and Meta sends account_update. */
    @Transactional
    public void offboard(String phoneId, String event) {
        if (!OFFBOARD_EVENTS.contains(event)) {
            throw new IllegalArgumentException("event must be one of " + OFFBOARD_EVENTS);
        }
        PhoneNumber phone = linkedPhone(phoneId);
        links.offboard(phoneId, event, clock.instant());
        accounts.setStatus(phoneId, PhoneNumber.DISCONNECTED);
        webhooks.offboarded(accounts.waba(phone.wabaId()).orElseThrow(), event);
    }

    /** One coexistence number with its sandbox record, for the console. */
    public record Number(PhoneNumber phone, BusinessAppLinks.Link link) {}

    /** Every coexistence number, the newest first. */
    public List<Number> numbers() {
        return links.all().stream()
                .flatMap(link -> accounts.phone(link.phoneId()).map(phone -> new Number(phone, link)).stream())
                .toList();
    }

    private PhoneNumber linkedPhone(String phoneId) {
        links.find(phoneId).orElseThrow(() -> new IllegalArgumentException("Not a business app number: " + phoneId));
        return accounts.phone(phoneId).orElseThrow();
    }
}
