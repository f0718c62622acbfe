package br.com.metasandbox.console;

import br.com.metasandbox.SandboxBusinessApp;
import br.com.metasandbox.SandboxFault;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxSettings;
import br.com.metasandbox.graph.Faults;
import br.com.metasandbox.graph.GraphOperation;
import br.com.metasandbox.graph.TemplateReviews;
import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.MessageTemplate;
import br.com.metasandbox.state.NumbersOnApp;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import br.com.metasandbox.webhooks.WebhookDeliveries;
import br.com.metasandbox.webhooks.WebhookOutbox;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sandbox console at {@code /sandbox}: what Meta's reviewers and systems do (names, reviews, quality,
 * limits, tokens, bans), the simulated customer phone, the fault switches and the webhook deliveries.
 * Each action changes the sandbox's Graph state and plans the webhook Meta would send.
 */
@Controller
class SandboxConsoleController {

    /** One portfolio with its WABAs and their numbers, for the accounts page. */
    record BusinessView(Business business, List<WabaView> wabas) {}

    record WabaView(WhatsAppBusinessAccount waba, List<PhoneNumber> phones) {}

    /** A WABA with its message templates, for the templates page. */
    record TemplatesView(WhatsAppBusinessAccount waba, List<MessageTemplate> templates) {}

    /** The rejection reasons Meta documents for templates. */
    static final List<String> TEMPLATE_REJECTION_REASONS =
            List.of("INVALID_FORMAT", "ABUSIVE_CONTENT", "INCORRECT_CATEGORY", "SCAM", "TAG_CONTENT_MISMATCH");

    private final SandboxMeta meta;
    private final SandboxAccounts accounts;
    private final NumbersOnApp numbersOnApp;
    private final SandboxBusinessApp businessApp;
    private final CustomerPhone customerPhone;
    private final Faults faults;
    private final WebhookDeliveries deliveries;
    private final WebhookOutbox outbox;
    private final SandboxSettings settings;
    private final MessageSource messages;
    private final Clock clock;
    private final TemplateReviews templateReviews;

    SandboxConsoleController(
            SandboxMeta meta,
            SandboxAccounts accounts,
            NumbersOnApp numbersOnApp,
            SandboxBusinessApp businessApp,
            CustomerPhone customerPhone,
            Faults faults,
            WebhookDeliveries deliveries,
            WebhookOutbox outbox,
            SandboxSettings settings,
            MessageSource messages,
            Clock clock,
            TemplateReviews templateReviews) {
        this.templateReviews = templateReviews;
        this.meta = meta;
        this.accounts = accounts;
        this.numbersOnApp = numbersOnApp;
        this.businessApp = businessApp;
        this.customerPhone = customerPhone;
        this.faults = faults;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping({"/sandbox", "/sandbox/"})
    String accounts(@RequestParam(required = false) @Nullable String done, Model model) {
        List<BusinessView> businesses = new ArrayList<>();
        for (Business business : accounts.businesses()) {
            List<WabaView> wabas = new ArrayList<>();
            for (WhatsAppBusinessAccount waba : accounts.wabasOf(business.id())) {
                wabas.add(new WabaView(waba, accounts.phonesOf(waba.id())));
            }
            businesses.add(new BusinessView(business, wabas));
        }
        model.addAttribute("businesses", businesses);
        model.addAttribute("done", done);
        model.addAttribute(
                "nameReasons",
                SandboxMeta.NAME_REJECTION_REASONS.stream().sorted().toList());
        model.addAttribute("qualities", SandboxMeta.QUALITY_RATINGS);
        model.addAttribute("limits", Business.MESSAGING_LIMITS);
        model.addAttribute("onApp", numbersOnApp.listed());
        model.addAttribute("onAppSuffix", NumbersOnApp.SUFFIX);
        model.addAttribute("businessApps", businessApp.numbers());
        return "sandbox/console/accounts";
    }

    @GetMapping("/sandbox/console/templates")
    String templates(@RequestParam(required = false) @Nullable String done, Model model, Locale locale) {
        List<TemplatesView> wabas = new ArrayList<>();
        for (Business business : accounts.businesses()) {
            for (WhatsAppBusinessAccount waba : accounts.wabasOf(business.id())) {
                wabas.add(new TemplatesView(waba, templateReviews.templatesOf(waba.id())));
            }
        }
        model.addAttribute("wabas", wabas);
        model.addAttribute("done", done);
        model.addAttribute("reviewDelay", HumanDurations.of(settings.templateReviewDelay(), messages, locale));
        model.addAttribute("promotionalWords", String.join(", ", TemplateReviews.PROMOTIONAL_WORDS));
        model.addAttribute("perHour", TemplateReviews.CREATIONS_PER_HOUR);
        model.addAttribute("duplicateSubcode", Integer.toString(TemplateReviews.DUPLICATE_SUBCODE));
        model.addAttribute("reasons", TEMPLATE_REJECTION_REASONS);
        model.addAttribute("qualities", TemplateReviews.QUALITY_SCORES);
        return "sandbox/console/templates";
    }

    @PostMapping("/sandbox/console/templates/{id}/status")
    String templateStatus(
            @PathVariable String id,
            @RequestParam String status,
            @RequestParam(required = false) @Nullable String reason) {
        if (!List.of("APPROVED", "REJECTED", "PAUSED", "DISABLED").contains(status)) {
            throw new IllegalArgumentException("Unknown template status " + status);
        }
        templateReviews.decide(
                id, status, reason != null && TEMPLATE_REJECTION_REASONS.contains(reason) ? reason : null);
        return "redirect:/sandbox/console/templates?done=status#template-" + id;
    }

    @PostMapping("/sandbox/console/templates/{id}/quality")
    String templateQuality(@PathVariable String id, @RequestParam String quality) {
        templateReviews.setQuality(id, quality);
        return "redirect:/sandbox/console/templates?done=quality#template-" + id;
    }

    @PostMapping("/sandbox/console/phones/{id}/name")
    String name(
            @PathVariable String id,
            @RequestParam String decision,
            @RequestParam(defaultValue = "UNKNOWN") String reason) {
        if (decision.equals("APPROVED")) {
            meta.approveDisplayName(id);
        } else {
            meta.rejectDisplayName(id, reason);
        }
        return done("name", "phone-" + id);
    }

    @PostMapping("/sandbox/console/phones/{id}/quality")
    String quality(@PathVariable String id, @RequestParam String quality) {
        meta.setQuality(id, quality);
        return done("quality", "phone-" + id);
    }

    @PostMapping("/sandbox/console/wabas/{id}/review")
    String review(@PathVariable String id, @RequestParam String decision) {
        meta.setReview(id, decision);
        return done("review", "waba-" + id);
    }

    @PostMapping("/sandbox/console/wabas/{id}/ban")
    String ban(@PathVariable String id, @RequestParam String state) {
        meta.setBanState(id, state);
        return done("ban", "waba-" + id);
    }

    @PostMapping("/sandbox/console/businesses/{id}/limit")
    String limit(@PathVariable String id, @RequestParam String limit) {
        meta.setMessagingLimit(id, limit);
        return done("limit", "business-" + id);
    }

    @PostMapping("/sandbox/console/businesses/{id}/limit/raise")
    String raiseLimit(@PathVariable String id) {
        meta.raiseMessagingLimit(id);
        return done("limit-raised", "business-" + id);
    }

    @PostMapping("/sandbox/console/businesses/{id}/revoke")
    String revoke(@PathVariable String id) {
        meta.revokeTokens(id);
        return done("revoke", "business-" + id);
    }

    @PostMapping("/sandbox/console/numbers-on-app")
    String numberOnApp(@RequestParam String number, @RequestParam(defaultValue = "add") String action) {
        String digits = number.replaceAll("\\D", "");
        if (digits.length() >= 10) {
            String e164 = "+" + (digits.startsWith("55") ? digits : "55" + digits);
            if (action.equals("remove")) {
                numbersOnApp.remove(e164);
            } else {
                numbersOnApp.add(e164, clock.instant());
            }
        }
        return done("on-app", "on-app");
    }

    /**
     * The merchant's own phone as a customer of their store, for the product's Testar a conta: its template
     * arrives here, and from here the merchant sends the test's code back. A mobile no delivery rule matches.
     */
    static final String STORE_OWNER_PHONE = "+5511998762345";

    static final String STORE_OWNER_NAME = "Dona da loja";

    @GetMapping("/sandbox/console/phone")
    String phone(
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String customer,
            @RequestParam(defaultValue = "Ana Souza") String name,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean linkRefused,
            @RequestParam(required = false) @Nullable String replyTo,
            Model model) {
        List<PhoneNumber> phones = new ArrayList<>();
        for (Business business : accounts.businesses()) {
            for (WhatsAppBusinessAccount waba : accounts.wabasOf(business.id())) {
                phones.addAll(accounts.phonesOf(waba.id()));
            }
        }
        PhoneNumber chosen = phones.stream()
                .filter(candidate -> candidate.id().equals(phone))
                .findFirst()
                .orElse(phones.isEmpty() ? null : phones.getFirst());
        model.addAttribute("phones", phones);
        model.addAttribute("phone", chosen);
        String typed = customer == null || customer.isBlank() ? defaultCustomer(phones) : customer;
        String digits = typed.replaceAll("\\D", "");
        model.addAttribute("customer", digits.isEmpty() ? typed : "+" + digits);
        model.addAttribute("name", name);
        model.addAttribute("draft", text);
        model.addAttribute("linkRefused", linkRefused);
        model.addAttribute("storeOwnerPhone", STORE_OWNER_PHONE);
        model.addAttribute("storeOwnerName", STORE_OWNER_NAME);
        model.addAttribute(
                "marketingStopped",
                chosen != null && digits.length() >= 8 && meta.marketingStopped(chosen.id(), typed));
        conversation(chosen, typed, model);
        model.addAttribute(
                "pictureHandle",
                chosen == null ? null : customerPhone.pictureHandle(chosen.id()).orElse(null));
        model.addAttribute("replyTo", replyTo);
        model.addAttribute("replyQuote", replyQuote(model, replyTo));
        return "sandbox/console/phone";
    }

    /** The conversation alone, polled by htmx. */
    @GetMapping("/sandbox/console/phone/conversation")
    String conversation(
            @RequestParam String phone,
            @RequestParam String customer,
            @RequestParam(defaultValue = "Ana Souza") String name,
            Model model) {
        PhoneNumber chosen = accounts.phone(phone).orElse(null);
        // The bubbles' reply links and quick-reply buttons name the conversation they belong to.
        model.addAttribute("phone", chosen);
        model.addAttribute("customer", customer);
        model.addAttribute("name", name);
        conversation(chosen, customer, model);
        return "sandbox/console/phone :: conversation";
    }

    /** The customer stops ({@code stop}) or resumes ({@code resume}) the number's promotions in the chat's menu. */
    @PostMapping("/sandbox/console/phone/marketing")
    String marketing(
            @RequestParam String phone,
            @RequestParam String customer,
            @RequestParam(defaultValue = "") String name,
            @RequestParam String preference) {
        meta.customerSetsMarketing(phone, customer, name, "stop".equals(preference));
        return backToPhone(phone, customer, name);
    }

    @PostMapping("/sandbox/console/phone/send")
    String send(
            @RequestParam String phone,
            @RequestParam String customer,
            @RequestParam(defaultValue = "") String name,
            @RequestParam String body,
            @RequestParam(required = false) @Nullable String context) {
        if (!body.isBlank()) {
            meta.customerReplies(phone, customer, name, body, context == null || context.isBlank() ? null : context);
        }
        return backToPhone(phone, customer, name);
    }

    /**
     * The customer's phone opens a click-to-chat link (pasted, or read from its QR code): the chat with that
     * business number opens with the link's text in the message field, to be sent as the customer sends it.
     * A link to a number the sandbox does not have comes back refused, as WhatsApp says the number is not on it.
     */
    @PostMapping("/sandbox/console/phone/open-link")
    String openLink(
            @RequestParam(defaultValue = "") String phone,
            @RequestParam String customer,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String link) {
        var target = ChatLink.parse(link)
                .flatMap(chat -> accounts.businesses().stream()
                        .flatMap(business -> accounts.wabasOf(business.id()).stream())
                        .flatMap(waba -> accounts.phonesOf(waba.id()).stream())
                        .filter(candidate -> candidate.e164().equals(chat.e164()))
                        .findFirst()
                        .map(business -> Map.entry(business.id(), chat.text())));
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/sandbox/console/phone")
                .queryParam("customer", customer)
                .queryParam("name", name);
        if (target.isEmpty()) {
            back.queryParam("phone", phone).queryParam("linkRefused", true);
        } else {
            back.queryParam("phone", target.get().getKey())
                    .queryParam("text", target.get().getValue());
        }
        return "redirect:" + back.encode().build().toUriString();
    }

    /** The customer taps a quick-reply button of a business message. */
    @PostMapping("/sandbox/console/phone/tap")
    String tap(
            @RequestParam String phone,
            @RequestParam String customer,
            @RequestParam(defaultValue = "") String name,
            @RequestParam String context,
            @RequestParam String button) {
        meta.customerTaps(phone, customer, name, context, button);
        return backToPhone(phone, customer, name);
    }

    private static String backToPhone(String phone, String customer, String name) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/sandbox/console/phone")
                        .queryParam("phone", phone)
                        .queryParam("customer", customer)
                        .queryParam("name", name)
                        .encode()
                        .build()
                        .toUriString();
    }

    @GetMapping("/sandbox/console/faults")
    String faults(Model model) {
        model.addAttribute("operations", GraphOperation.ALL.stream().sorted().toList());
        model.addAttribute("faults", faults.all());
        return "sandbox/console/faults";
    }

    @PostMapping("/sandbox/console/faults")
    String setFault(
            @RequestParam String operation,
            @RequestParam String kind,
            @RequestParam(defaultValue = "0") long latencyMs,
            @RequestParam(defaultValue = "503") int httpStatus,
            @RequestParam(defaultValue = "131000") int graphErrorCode) {
        SandboxFault fault = switch (kind) {
            case "latency" -> SandboxFault.latency(Duration.ofMillis(Math.clamp(latencyMs, 0, 60_000)));
            case "http" -> SandboxFault.httpStatus(Math.clamp(httpStatus, 500, 599));
            case "graph" -> SandboxFault.graphError(Math.max(0, graphErrorCode));
            case "hang" -> SandboxFault.hanging();
            default -> null;
        };
        if (fault == null) {
            faults.clear(operation);
        } else {
            meta.setFault(operation, fault);
        }
        return "redirect:/sandbox/console/faults";
    }

    @PostMapping("/sandbox/console/faults/clear")
    String clearFaults() {
        meta.clearFaults();
        return "redirect:/sandbox/console/faults";
    }

    @GetMapping("/sandbox/console/webhooks")
    String webhooks(Model model, Locale locale) {
        webhookList(model);
        model.addAttribute("callback", outbox.appCallback());
        SandboxSettings.Webhooks webhooks = settings.webhooks();
        model.addAttribute(
                "settingsLine",
                messages.getMessage(
                        "sandbox.console.webhooks.settings",
                        new Object[] {
                            messages.getMessage(
                                    webhooks.duplicates()
                                            ? "sandbox.console.webhooks.duplicates.on"
                                            : "sandbox.console.webhooks.duplicates.off",
                                    null,
                                    locale),
                            HumanDurations.of(webhooks.retryFirst(), messages, locale),
                            HumanDurations.of(webhooks.retryMax(), messages, locale),
                            HumanDurations.of(webhooks.giveUpAfter(), messages, locale),
                            webhooks.retryScale()
                        },
                        locale));
        return "sandbox/console/webhooks";
    }

    /** The deliveries table alone, polled by htmx. */
    @GetMapping("/sandbox/console/webhooks/list")
    String webhookList(Model model) {
        model.addAttribute("deliveries", deliveries.latest(100));
        return "sandbox/console/webhooks :: list";
    }

    @PostMapping("/sandbox/console/webhooks/{id}/retry")
    String retry(@PathVariable UUID id) {
        deliveries.retryNow(id, clock.instant());
        return "redirect:/sandbox/console/webhooks";
    }

    /** The text of the message the customer is answering, shown above what they type. */
    private static @Nullable String replyQuote(Model model, @Nullable String replyTo) {
        if (replyTo == null || !(model.getAttribute("bubbles") instanceof List<?> bubbles)) {
            return null;
        }
        return bubbles.stream()
                .map(CustomerPhone.Bubble.class::cast)
                .filter(bubble -> bubble.id().equals(replyTo))
                .map(CustomerPhone.Bubble::text)
                .findFirst()
                .orElse(null);
    }

    private void conversation(@Nullable PhoneNumber phone, String customer, Model model) {
        model.addAttribute(
                "bubbles",
                phone == null || customer.replaceAll("\\D", "").length() < 8
                        ? List.of()
                        : customerPhone.conversation(phone.id(), customer));
    }

    /**
     * A valid Brazilian mobile (+55 21 9 8765-4321, or the next one down) that is none of the sandbox's
     * business numbers: a customer writing from the business's own number would be the number talking to itself.
     */
    static String defaultCustomer(List<PhoneNumber> businessNumbers) {
        Set<String> taken = businessNumbers.stream().map(PhoneNumber::e164).collect(Collectors.toSet());
        for (long subscriber = 98_765_432L; ; subscriber--) {
            String candidate = "+55219" + subscriber;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String done(String what, String anchor) {
        return "redirect:/sandbox?done=" + what + "#" + anchor;
    }
}
