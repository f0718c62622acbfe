package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.api.ApiProblem;
import br.com.whatsappoficial.meta.OutboundMessage;
import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.template.MediaHeader;
import br.com.whatsappoficial.template.ParameterFormat;
import br.com.whatsappoficial.template.TemplateCategory;
import br.com.whatsappoficial.template.TemplateDetails;
import br.com.whatsappoficial.template.Templates;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides whether a message may go and queues it: the recipient, the template and its parameters and the
 * customer's standing (window, suppression list, marketing Meta held back: {@link CustomerStanding}) are
 * read first; then, in the transaction its portfolio's concurrent messages share ({@link PortfolioBatches}),
 * the Idempotency-Key, the proactive budget's slot, the message and its place in the outbox. The 202 the
 * engine gets means all of that is durable; any refusal leaves nothing.
 */
@Component
class MessageIntake {

    private final IdempotencyKeys idempotency;
    private final SendingNumbers numbers;
    private final ServiceWindows windows;
    private final PortfolioBatches batches;
    private final OptOuts optOuts;
    private final Templates templates;
    private final CustomerStanding customers;
    private final MessageRows rows;
    private final NumberPace pace;
    private final PausedNumbers paused;
    private final Clock clock;

    MessageIntake(
            IdempotencyKeys idempotency,
            SendingNumbers numbers,
            ServiceWindows windows,
            PortfolioBatches batches,
            OptOuts optOuts,
            Templates templates,
            CustomerStanding customers,
            MessageRows rows,
            NumberPace pace,
            PausedNumbers paused,
            Clock clock) {
        this.customers = customers;
        this.pace = pace;
        this.paused = paused;
        this.idempotency = idempotency;
        this.numbers = numbers;
        this.windows = windows;
        this.batches = batches;
        this.optOuts = optOuts;
        this.templates = templates;
        this.rows = rows;
        this.clock = clock;
    }

    /** What the checks before the budget found: whom, what, from which number, and whether the window is open. */
    private record Checked(SendingNumber number, Recipient recipient, MessageContent content, boolean windowOpen) {}

    /**
     * The queued message; for a key already used with the same body, the message it queued then. The key is
     * looked up once the request passed its checks, in the transaction that reserves it: one read less for
     * every message of a campaign. A request the checks refuse looks it up then, so that a replay still
     * answers as the first time even when the same request would be refused today (its template since
     * paused, its number since disconnected).
     */
    StoredMessage queue(String idempotencyKey, String requestHash, MessageRequest request) {
        // At the database's precision, so that an Idempotency-Key's replay answers the very same createdAt.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Checked checked;
        try {
            checked = check(request, now);
        } catch (ApiProblem refused) {
            Optional<MessageId> answered = idempotency.answered(idempotencyKey, requestHash, now);
            if (answered.isPresent()) {
                return rows.find(answered.get()).orElseThrow();
            }
            throw refused;
        }
        SendingNumber number = checked.number();
        Recipient recipient = checked.recipient();
        MessageContent content = checked.content();
        boolean windowOpen = checked.windowOpen();
        MessageId id = MessageId.random();
        return batches.run(number.portfolio(), ledger -> {
            // A replay, or the same key racing here from another request: the message queued under it.
            Optional<MessageId> earlier = idempotency.reserve(idempotencyKey, requestHash, id, now);
            if (earlier.isPresent()) {
                return rows.find(earlier.get()).orElseThrow();
            }
            boolean newCustomer;
            try {
                newCustomer = !windowOpen
                        && ledger.take(recipient.customer(), number.limit(), id, now)
                                == ProactiveBudget.Cost.NEW_CUSTOMER;
            } catch (SendProblem.LimitReached full) {
                idempotency.forget(idempotencyKey, id);
                throw full;
            }
            StoredMessage message = new StoredMessage(
                    id,
                    number.phoneNumberId(),
                    number.wabaId(),
                    number.portfolio(),
                    recipient.customer(),
                    recipient.input(),
                    recipient.to(),
                    recipient.userId(),
                    null,
                    content,
                    request.metadata(),
                    request.callbackUrl(),
                    newCustomer,
                    DeliveryStatus.QUEUED,
                    Sending.QUEUED,
                    null,
                    0,
                    null,
                    null,
                    now,
                    now);
            // Its send time is decided with it: the outbox then holds each number's messages at their pace. A
            // paused number's messages get theirs when it resumes, not slots that pass during the pause.
            Slot slot = paused.pause(number.phoneNumberId(), now).isPresent()
                    ? null
                    : pace.take(number.phoneNumberId(), number.messagesPerSecond(), 1, now)
                            .getFirst();
            rows.insert(message, slot);
            return message;
        });
    }

    /** The checks before the budget: a refusal here holds nothing. */
    private Checked check(MessageRequest request, Instant now) {
        SendingNumber number = numbers.current();
        Recipient recipient = recipient(request);
        MessageContent content = content(request.content(), number);
        CustomerStanding.Standing standing = customers.of(number.phoneNumberId(), recipient.customer(), now);
        Optional<Instant> closesAt = standing.windowClosesAt().filter(now::isBefore);
        boolean windowOpen = closesAt.isPresent();
        // Before the budget: a refused customer never holds a slot.
        Optional<OptOut> optedOut = standing.optedOut() ? optOuts.find(recipient.customer()) : Optional.empty();
        if (optedOut.isPresent()
                && !closesAt.map(optedOut.get()::allowsReplyInWindowClosingAt).orElse(false)) {
            throw new SendProblem.OptedOut(optedOut.get().optedOutAt());
        }
        if (content.needsOpenWindow() && !windowOpen) {
            throw new SendProblem.OutsideWindow();
        }
        if (request.content() instanceof MessageRequest.Template asked
                && standing.heldBackUntil().isPresent()
                && marketing(asked, number)) {
            throw new SendProblem.MarketingHeldBack(standing.heldBackUntil().get());
        }
        return new Checked(number, recipient, content, windowOpen);
    }

    /** A user id Meta already linked to a number is that number's customer: one window, one slot. */
    private Recipient recipient(MessageRequest request) {
        if (!request.byUserId()) {
            return Recipient.ofNumber(request.recipient())
                    .orElseThrow(() -> new SendProblem.InvalidRecipient(request.recipient()));
        }
        Recipient byUserId = Recipient.ofUserId(request.recipient())
                .orElseThrow(() -> new SendProblem.InvalidRecipient(request.recipient()));
        return windows.linkedCustomer(byUserId.userId()).map(byUserId::linkedTo).orElse(byUserId);
    }

    private boolean marketing(MessageRequest.Template asked, SendingNumber number) {
        return templates
                .find(new WabaId(number.wabaId()), asked.name(), asked.language())
                .map(template -> template.category() == TemplateCategory.MARKETING)
                .orElse(false);
    }

    private MessageContent content(MessageRequest.Asked asked, SendingNumber number) {
        return switch (asked) {
            case MessageRequest.Ready ready -> ready.content();
            case MessageRequest.Template template -> template(template, number);
        };
    }

    /** Only a template Meta approved in the sending number's account, with every variable filled. */
    private MessageContent template(MessageRequest.Template asked, SendingNumber number) {
        TemplateDetails template = templates
                .find(new WabaId(number.wabaId()), asked.name(), asked.language())
                .orElseThrow(() -> new SendProblem.TemplateNotApproved(asked.name(), asked.language(), "NOT_FOUND"));
        if (!template.status().sendable()) {
            throw new SendProblem.TemplateNotApproved(
                    asked.name(), asked.language(), template.status().value());
        }
        List<String> variables = template.variables();
        MessageRequest.Arguments arguments = asked.arguments();
        List<OutboundMessage.Parameter> parameters = new ArrayList<>();
        if (template.parameterFormat() == ParameterFormat.NAMED) {
            Map<String, String> named = arguments.named();
            boolean fits = named != null
                    ? named.keySet().equals(new HashSet<>(variables))
                    : variables.isEmpty()
                            && (arguments.positional() == null
                                    || arguments.positional().isEmpty());
            if (!fits || (named != null && named.values().stream().anyMatch(String::isBlank))) {
                throw new SendProblem.TemplateParameters(asked.name(), variables, "named");
            }
            variables.forEach(name -> parameters.add(new OutboundMessage.Parameter(name, named.get(name))));
        } else {
            // An empty object is as good as an empty array for a template without variables.
            List<String> positional = arguments.positional() != null
                    ? arguments.positional()
                    : arguments.named() != null && arguments.named().isEmpty() ? List.of() : null;
            if (positional == null
                    || positional.size() != variables.size()
                    || positional.stream().anyMatch(String::isBlank)) {
                throw new SendProblem.TemplateParameters(asked.name(), variables, "positional");
            }
            positional.forEach(value -> parameters.add(OutboundMessage.Parameter.positional(value)));
        }
        return new MessageContent.TemplateSend(
                template.name(), template.language(), parameters, header(asked, template), buttons(asked, template));
    }

    /**
     * The header's value: the link of the file a media header shows (of the header's kind), or the text of
     * a text header's one variable; nothing for a header that needs none. Meta refuses a send that gives
     * a header the template does not have, or misses one it has.
     */
    private static MessageContent.@Nullable Header header(MessageRequest.Template asked, TemplateDetails template) {
        MessageRequest.HeaderArgument given = asked.header();
        MediaHeader media = template.content().mediaHeader();
        String variable = template.content().headerVariable();
        if (media != null) {
            String type = media.format().parameterType();
            if (given == null || !type.equals(given.mediaType()) || given.link() == null) {
                throw new SendProblem.TemplateParameters(asked.name(), List.of("header." + type), "link");
            }
            return MessageContent.Header.media(type, given.link());
        }
        if (variable != null) {
            if (given == null || given.text() == null || given.text().isBlank()) {
                throw new SendProblem.TemplateParameters(
                        asked.name(), List.of("header.text"), format(template.parameterFormat()));
            }
            return MessageContent.Header.text(
                    template.parameterFormat() == ParameterFormat.NAMED
                            ? new OutboundMessage.Parameter(variable, given.text())
                            : OutboundMessage.Parameter.positional(given.text()));
        }
        if (given != null) {
            throw new SendProblem.TemplateParameters(asked.name(), List.of(), format(template.parameterFormat()));
        }
        return null;
    }

    /** The end of each URL button's link that ends in a variable: every such button needs one, no other does. */
    private static List<OutboundMessage.ButtonParameter> buttons(
            MessageRequest.Template asked, TemplateDetails template) {
        List<Integer> dynamic = template.content().dynamicButtons();
        List<String> missing = new ArrayList<>();
        List<OutboundMessage.ButtonParameter> buttons = new ArrayList<>();
        for (int index : dynamic) {
            String value = asked.buttons().get(index);
            if (value == null || value.isBlank()) {
                missing.add("buttons[" + index + "]");
            } else {
                buttons.add(new OutboundMessage.ButtonParameter(index, value.strip()));
            }
        }
        boolean unknown = asked.buttons().keySet().stream().anyMatch(index -> !dynamic.contains(index));
        if (!missing.isEmpty() || unknown) {
            List<String> expected =
                    dynamic.stream().map(index -> "buttons[" + index + "]").toList();
            throw new SendProblem.TemplateParameters(
                    asked.name(), missing.isEmpty() ? expected : missing, format(template.parameterFormat()));
        }
        return List.copyOf(buttons);
    }

    private static String format(ParameterFormat format) {
        return format == ParameterFormat.NAMED ? "named" : "positional";
    }
}
