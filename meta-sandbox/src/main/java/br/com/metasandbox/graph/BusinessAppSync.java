package br.com.metasandbox.graph;

import br.com.metasandbox.state.BusinessAppLinks;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxIds;
import br.com.metasandbox.state.WaId;
import br.com.metasandbox.webhooks.BusinessAppWebhooks;
import br.com.metasandbox.webhooks.BusinessAppWebhooks.Contact;
import br.com.metasandbox.webhooks.BusinessAppWebhooks.HistoryMessage;
import br.com.metasandbox.webhooks.BusinessAppWebhooks.Thread;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /{phone}/smb_app_data} (contract §12): a coexistence number's contacts and chat history, each
 * asked for once and within 24 h of onboarding, answered by webhooks. Meta documents the shapes; the
 * contacts and chats themselves, the chunks' order (out of order, one sent twice) and the refusals' texts
 * are the sandbox's, and the console says so.
 */
@Component
public class BusinessAppSync {

    static final String CONTACTS = "smb_app_state_sync";
    static final String HISTORY = "history";

    /** Meta: contacts and history must be synced within 24 h of onboarding [doc]. */
    static final Duration WINDOW = Duration.ofHours(24);

    /** The app's address book in the sandbox. */
    public static final List<Contact> CONTACT_BOOK = List.of(
            new Contact("Ana Souza", "Ana", "5511912345678"),
            new Contact("Bruno Lima", "Bruno", "5521998761234"),
            new Contact("Carla Dias", "Carla", "5531991112222"));

    private final BusinessAppLinks links;
    private final BusinessAppWebhooks webhooks;
    private final Clock clock;

    BusinessAppSync(BusinessAppLinks links, BusinessAppWebhooks webhooks, Clock clock) {
        this.links = links;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Queues the sync of {@code syncType} and answers its request id. */
    @Transactional(noRollbackFor = GraphRefusal.class)
    String request(PhoneNumber phone, String syncType) {
        boolean history = switch (syncType) {
            case CONTACTS -> false;
            case HISTORY -> true;
            default -> throw GraphRefusal.param("The parameter sync_type must be smb_app_state_sync or history.");
        };
        BusinessAppLinks.Link link = links.find(phone.id())
                .filter(found -> !found.offboarded())
                .orElseThrow(() ->
                        GraphRefusal.param("This phone number was not onboarded from the WhatsApp Business app."));
        Instant now = clock.instant();
        if (!now.isBefore(link.onboardedAt().plus(WINDOW))) {
            throw GraphRefusal.param("The 24 hours to sync this phone number's WhatsApp Business app data are over.");
        }
        if (!links.requested(phone.id(), history, now)) {
            throw GraphRefusal.param("This sync_type was already requested for this phone number.");
        }
        if (!history) {
            webhooks.contacts(phone, CONTACT_BOOK.subList(0, 2), now, Duration.ofSeconds(1));
            webhooks.contacts(phone, CONTACT_BOOK.subList(2, 3), now, Duration.ofSeconds(2));
        } else if (!link.historyShared()) {
            webhooks.historyDeclined(phone, Duration.ofSeconds(1));
        } else {
            sendHistory(phone, now);
        }
        return SandboxIds.objectId();
    }

    /**
     * Five chunks over the three phases, posted out of order with the second one twice: receivers must
     * order them by phase and {@code chunk_order}, and count each once.
     */
    private void sendHistory(PhoneNumber phone, Instant now) {
        Thread recent = thread(
                CONTACT_BOOK.get(0).waId(),
                now.minus(Duration.ofHours(2)),
                "Oi! Vocês têm a sandália azul no 37?",
                "Temos sim, Ana! Quer que eu separe?");
        Thread lastMonth = thread(
                CONTACT_BOOK.get(1).waId(), now.minus(Duration.ofDays(30)), "Meu pedido chegou, obrigado!", null);
        Thread twoMonths =
                thread(CONTACT_BOOK.get(2).waId(), now.minus(Duration.ofDays(60)), "Qual o prazo de entrega?", null);
        Thread fourMonths = thread(
                CONTACT_BOOK.get(0).waId(), now.minus(Duration.ofDays(120)), "Vocês abrem no feriado?", "Abrimos sim!");
        Thread fiveMonths =
                thread(CONTACT_BOOK.get(1).waId(), now.minus(Duration.ofDays(150)), "Bom dia, tem cupom?", null);
        webhooks.historyChunk(phone, 1, 1, 40, List.of(lastMonth), Duration.ofSeconds(1));
        webhooks.historyChunk(phone, 0, 1, 20, List.of(recent), Duration.ofSeconds(2));
        webhooks.historyChunk(phone, 1, 1, 40, List.of(lastMonth), Duration.ofSeconds(3));
        webhooks.historyChunk(phone, 2, 1, 80, List.of(fourMonths), Duration.ofSeconds(4));
        webhooks.historyChunk(phone, 1, 2, 60, List.of(twoMonths), Duration.ofSeconds(5));
        webhooks.historyChunk(phone, 2, 2, 100, List.of(fiveMonths), Duration.ofSeconds(6));
    }

    private static Thread thread(String waId, Instant at, String customerText, String businessAnswer) {
        HistoryMessage asked =
                new HistoryMessage(MessageSending.wamid(new WaId(waId)), false, customerText, at, "READ");
        if (businessAnswer == null) {
            return new Thread(waId, List.of(asked));
        }
        HistoryMessage answered = new HistoryMessage(
                MessageSending.wamid(new WaId(waId)), true, businessAnswer, at.plus(Duration.ofMinutes(3)), "READ");
        return new Thread(waId, List.of(asked, answered));
    }
}
