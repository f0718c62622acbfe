package br.com.metasandbox;

import br.com.metasandbox.graph.CodeExchange;
import br.com.metasandbox.graph.Faults;
import br.com.metasandbox.graph.MessageSending;
import br.com.metasandbox.graph.TemplateReviews;
import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.DeliveryScripts;
import br.com.metasandbox.state.DisplayNumbers;
import br.com.metasandbox.state.InboundMessages;
import br.com.metasandbox.state.MarketingStops;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.QualitySwitches;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.SandboxCredentials;
import br.com.metasandbox.state.SandboxIds;
import br.com.metasandbox.state.SandboxMessages;
import br.com.metasandbox.state.SandboxVerification;
import br.com.metasandbox.state.WaId;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import br.com.metasandbox.webhooks.DeliveryOutcome;
import br.com.metasandbox.webhooks.WebhookNotifications;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox's Java API: what Meta's own people and systems would do (create portfolios and accounts,
 * review names and accounts, revoke tokens) and what the simulated phone sees (the OTP, inbound
 * messages). Tests, the sandbox console and the signup popup set the scene with it; the product itself
 * only ever talks to the sandbox over HTTP.
 */
@Component
public class SandboxMeta {

    /** The rejection reasons of the phone_number_name_update webhook [doc]. */
    public static final Set<String> NAME_REJECTION_REASONS = Set.of(
            "NAME_EMPLOYEE_ISSUE",
            "NAME_ENDCLIENT_NOTRELATED",
            "NAME_FORMAT_UNACCEPTABLE",
            "NAME_INDIVIDUAL_ISSUE",
            "NAME_NOT_CONSISTENT",
            "UNKNOWN");

    /** The quality ratings the console can set [doc]. */
    public static final List<String> QUALITY_RATINGS = List.of("GREEN", "YELLOW", "RED");

    /** The longest a scripted late delivery may wait, an hour. */
    public static final int MAX_DELIVERY_DELAY_SECONDS = 3600;

    /** The account_review_update decisions [doc]. */
    static final Set<String> REVIEW_DECISIONS = Set.of("APPROVED", "REJECTED", "PENDING", "DEFERRED");

    private final SandboxAccounts accounts;
    private final SandboxCredentials credentials;
    private final SandboxVerification verification;
    private final SandboxMessages messages;
    private final CodeExchange exchange;
    private final MessageSending sending;
    private final Faults faults;
    private final WebhookNotifications webhooks;
    private final InboundMessages inbound;
    private final TemplateReviews templates;
    private final DeliveryScripts deliveryScripts;
    private final MarketingStops marketingStops;
    private final QualitySwitches quality;
    private final Clock clock;

    SandboxMeta(
            SandboxAccounts accounts,
            SandboxCredentials credentials,
            SandboxVerification verification,
            SandboxMessages messages,
            CodeExchange exchange,
            MessageSending sending,
            Faults faults,
            WebhookNotifications webhooks,
            InboundMessages inbound,
            TemplateReviews templates,
            DeliveryScripts deliveryScripts,
            MarketingStops marketingStops,
            QualitySwitches quality,
            Clock clock) {
        this.quality = quality;
        this.templates = templates;
        this.deliveryScripts = deliveryScripts;
        this.marketingStops = marketingStops;
        this.accounts = accounts;
        this.credentials = credentials;
        this.verification = verification;
        this.messages = messages;
        this.exchange = exchange;
        this.sending = sending;
        this.faults = faults;
        this.webhooks = webhooks;
        this.inbound = inbound;
        this.clock = clock;
    }

    /** A new business portfolio, not yet business-verified. */
    public SandboxBusiness createBusiness(String name) {
        requireText(name, "name");
        Business business = new Business(
                SandboxIds.objectId(), name.strip(), SandboxIds.objectId(), "UNVERIFIED", "TIER_250", clock.instant());
        accounts.insert(business);
        return new SandboxBusiness(business.id(), business.name());
    }

    /**
     * A WABA as Embedded Signup creates it: review PENDING, CLIENT_OWNED, BRL, BR; Meta then sends
     * business_capability_update [doc].
     */
    @Transactional
    public SandboxWaba createWaba(String businessId, String name) {
        requireText(name, "name");
        Business business = business(businessId);
        WhatsAppBusinessAccount waba = new WhatsAppBusinessAccount(
                SandboxIds.objectId(),
                businessId,
                name.strip(),
                "BRL",
                // Meta's timezone ids are its own list; "1" as in the contract's example (unverified).
                "1",
                UUID.randomUUID().toString().replace('-', '_'),
                "PENDING",
                "BR",
                "CLIENT_OWNED",
                false,
                null,
                null,
                null,
                clock.instant());
        accounts.insert(waba);
        webhooks.capabilities(waba, business.messagingLimit());
        return new SandboxWaba(waba.id(), waba.businessId(), waba.name());
    }

    /**
     * A number added to a WABA: NOT_VERIFIED, display name PENDING_REVIEW, status PENDING, quality
     * UNKNOWN (as in Meta's examples for new numbers), Cloud API, standard throughput.
     *
     * @param e164 the number with its country code, e.g. "+5511987654321"
     */
    public SandboxPhone addPhone(String wabaId, String e164, String verifiedName) {
        requireText(verifiedName, "verifiedName");
        if (!e164.matches("\\+[1-9]\\d{7,14}")) {
            throw new IllegalArgumentException("e164 must look like +5511987654321");
        }
        accounts.waba(wabaId).orElseThrow(() -> new IllegalArgumentException("No sandbox WABA " + wabaId));
        PhoneNumber phone = new PhoneNumber(
                SandboxIds.objectId(),
                wabaId,
                e164,
                DisplayNumbers.format(e164),
                verifiedName.strip(),
                PhoneNumber.NOT_VERIFIED,
                "PENDING_REVIEW",
                null,
                null,
                PhoneNumber.PENDING,
                "UNKNOWN",
                "STANDARD",
                "LIVE",
                "CLOUD_API",
                false,
                null,
                null,
                null,
                null,
                clock.instant());
        accounts.insert(phone);
        return new SandboxPhone(phone.id(), wabaId, phone.displayPhoneNumber());
    }

    /**
     * A one-time authorization code for the business (30 s, single use), as from a signup in which the
     * user shared every WABA the business has now.
     */
    public String issueCode(String businessId) {
        business(businessId);
        return exchange.issueCode(
                businessId,
                accounts.wabasOf(businessId).stream()
                        .map(WhatsAppBusinessAccount::id)
                        .toList());
    }

    /** A one-time authorization code from a signup in which the user shared only {@code sharedWabaIds}. */
    public String issueCode(String businessId, List<String> sharedWabaIds) {
        business(businessId);
        for (String wabaId : sharedWabaIds) {
            if (!waba(wabaId).businessId().equals(businessId)) {
                throw new IllegalArgumentException("WABA " + wabaId + " is not of business " + businessId);
            }
        }
        return exchange.issueCode(businessId, List.copyOf(sharedWabaIds));
    }

    /** The code the last request_code "sent" to the phone by SMS or voice call. */
    public String lastOtp(String phoneId) {
        return verification
                .latestCodeRequest(phoneId)
                .map(SandboxVerification.CodeRequest::code)
                .orElseThrow(() -> new IllegalStateException("No code was requested for phone " + phoneId));
    }

    /** Marks the number's ownership verified, as when the user types the code in the signup popup. */
    public void verifyPhone(String phoneId) {
        accounts.setCodeVerificationStatus(phoneId, PhoneNumber.VERIFIED);
    }

    /** Meta approves the display name and issues the number's certificate (phone_number_name_update). */
    @Transactional
    public void approveDisplayName(String phoneId) {
        accounts.setName(phoneId, "APPROVED", null, SandboxIds.certificate());
        webhooks.nameDecision(phone(phoneId), "APPROVED", null);
    }

    /** Meta declines the display name, with one of the phone_number_name_update rejection reasons. */
    @Transactional
    public void rejectDisplayName(String phoneId, String reason) {
        if (!NAME_REJECTION_REASONS.contains(reason)) {
            throw new IllegalArgumentException("reason must be one of " + NAME_REJECTION_REASONS);
        }
        accounts.setName(phoneId, "DECLINED", reason, null);
        webhooks.nameDecision(phone(phoneId), "REJECTED", reason);
    }

    /** Meta's review of the WABA: APPROVED, REJECTED, PENDING or DEFERRED (account_review_update). */
    @Transactional
    public void setReview(String wabaId, String decision) {
        if (!REVIEW_DECISIONS.contains(decision)) {
            throw new IllegalArgumentException("decision must be one of " + REVIEW_DECISIONS);
        }
        accounts.setReviewStatus(wabaId, decision);
        webhooks.reviewDecision(waba(wabaId), decision);
    }

    /**
     * The number's quality rating (GREEN, YELLOW, RED), with phone_number_quality_update: FLAGGED when it
     * drops to YELLOW or RED, UNFLAGGED back to GREEN (legacy event names, unverified).
     */
    @Transactional
    public void setQuality(String phoneId, String quality) {
        if (!QUALITY_RATINGS.contains(quality)) {
            throw new IllegalArgumentException("quality must be one of " + QUALITY_RATINGS);
        }
        accounts.setQuality(phoneId, quality);
        PhoneNumber phone = phone(phoneId);
        webhooks.quality(phone, quality.equals("GREEN") ? "UNFLAGGED" : "FLAGGED", limitOf(phone));
    }

    /**
     * The portfolio's messaging limit (TIER_250 … TIER_UNLIMITED, shared by its numbers since October 2025
     * [doc]), with business_capability_update per WABA and phone_number_quality_update per number:
     * THROUGHPUT_UPGRADE up [doc], DOWNGRADE down (legacy name, unverified). Meta reviews a display name
     * at the latest when the business reaches a higher limit [doc]; which way it decides is not
     * documented, so the sandbox approves every name still under review on the way up (the console says so).
     */
    @Transactional
    public void setMessagingLimit(String businessId, String limit) {
        int to = Business.MESSAGING_LIMITS.indexOf(limit);
        if (to < 0) {
            throw new IllegalArgumentException("limit must be one of " + Business.MESSAGING_LIMITS);
        }
        Business business = business(businessId);
        int from = Business.MESSAGING_LIMITS.indexOf(business.messagingLimit());
        accounts.setMessagingLimit(businessId, limit);
        for (WhatsAppBusinessAccount waba : accounts.wabasOf(businessId)) {
            webhooks.capabilities(waba, limit);
            if (to != from) {
                for (PhoneNumber phone : accounts.phonesOf(waba.id())) {
                    webhooks.quality(phone, to > from ? "THROUGHPUT_UPGRADE" : "DOWNGRADE", limit);
                    if (to > from && phone.nameUnderReview()) {
                        approveDisplayName(phone.id());
                    }
                }
            }
        }
    }

    /** Raises the portfolio's messaging limit one tier, as Meta does once the business sends enough; none above TIER_UNLIMITED. */
    @Transactional
    public void raiseMessagingLimit(String businessId) {
        List<String> limits = Business.MESSAGING_LIMITS;
        int current = limits.indexOf(business(businessId).messagingLimit());
        if (current + 1 < limits.size()) {
            setMessagingLimit(businessId, limits.get(current + 1));
        }
    }

    /** Meta disables (or schedules, or reinstates) the WABA: account_update DISABLED_UPDATE. */
    @Transactional
    public void setBanState(String wabaId, String banState) {
        if (!WhatsAppBusinessAccount.BAN_STATES.contains(banState)) {
            throw new IllegalArgumentException("banState must be one of " + WhatsAppBusinessAccount.BAN_STATES);
        }
        accounts.setBanState(wabaId, banState);
        webhooks.disabledUpdate(waba(wabaId), banState);
    }

    /**
     * The business withdraws every token it gave (Graph then answers 190 with a subcode). Meta documents
     * no webhook for this: the product learns it on its next call.
     */
    public void revokeTokens(String businessId) {
        credentials.revokeAll(businessId, clock.instant());
    }

    /** A customer wrote to the number: opens (or refreshes) the 24 h customer service window. */
    public void recordInbound(String phoneId, String waId) {
        sending.recordInbound(phoneId, waId);
    }

    /**
     * The simulated customer phone sends a text: it opens the 24 h window and Meta delivers the messages
     * webhook. Returns the message's wamid.
     *
     * @param customer the customer's number with country code, e.g. "+5511912345678"
     */
    @Transactional
    public String customerSends(String phoneId, String customer, String name, String body) {
        return customerReplies(phoneId, customer, name, body, null);
    }

    /**
     * The customer answers a message of the business (swiped to reply, {@code contextId} its wamid), or just
     * writes when it is null. Returns the message's wamid.
     */
    @Transactional
    public String customerReplies(
            String phoneId, String customer, String name, String body, @Nullable String contextId) {
        requireText(body, "body");
        return customerWrites(
                phoneId,
                customer,
                name,
                body,
                contextId,
                (phone, waId, shown, id, at) -> webhooks.inboundText(phone, waId, shown, id, body, contextId, at));
    }

    /** The customer taps a quick-reply button of the business message {@code contextId}. Returns the tap's wamid. */
    @Transactional
    public String customerTaps(String phoneId, String customer, String name, String contextId, String buttonText) {
        requireText(buttonText, "button");
        return customerWrites(
                phoneId,
                customer,
                name,
                buttonText,
                contextId,
                (phone, waId, shown, id, at) ->
                        webhooks.inboundButton(phone, waId, shown, id, buttonText, contextId, at));
    }

    /** How Meta tells the business of one customer message: its webhook, by the message's kind. */
    @FunctionalInterface
    private interface InboundWebhook {
        void send(PhoneNumber phone, String waId, String shownName, String messageId, Instant at);
    }

    /** A customer message: it opens the 24 h window, shows on the phone and goes out as a webhook. */
    private String customerWrites(
            String phoneId,
            String customer,
            String name,
            String shownText,
            @Nullable String contextId,
            InboundWebhook webhook) {
        PhoneNumber phone = phone(phoneId);
        String waId = WaId.fromRecipient(customer).value();
        String shown = name.isBlank() ? waId : name.strip();
        Instant now = clock.instant();
        String id = MessageSending.wamid(new WaId(waId));
        sending.recordInbound(phoneId, waId);
        inbound.insert(new InboundMessages.Inbound(id, phoneId, waId, shown, shownText, now, contextId));
        webhook.send(phone, waId, shown, id, now);
        return id;
    }

    /**
     * The customer taps "stop promotions" ({@code stop} true) or "resume" in the chat with the number:
     * Meta sends the user_preferences webhook, and from a stop on its marketing templates fail with 131050.
     */
    @Transactional
    public void customerSetsMarketing(String phoneId, String customer, String name, boolean stop) {
        PhoneNumber phone = phone(phoneId);
        String waId = WaId.fromRecipient(customer).value();
        Instant now = clock.instant();
        if (stop) {
            marketingStops.stop(phoneId, waId, now);
        } else {
            marketingStops.resume(phoneId, waId);
        }
        webhooks.userPreference(phone, waId, name.isBlank() ? waId : name.strip(), stop ? "stop" : "resume", now);
    }

    /** Whether the customer stopped the number's marketing messages on the simulated phone. */
    public boolean marketingStopped(String phoneId, String customer) {
        return marketingStops.stopped(phoneId, WaId.fromRecipient(customer).value());
    }

    /** What the product sent from the number, oldest first. */
    public List<SandboxSentMessage> sentMessages(String phoneId) {
        return messages.sentBy(phoneId).stream()
                .map(sent -> new SandboxSentMessage(
                        sent.id(),
                        sent.phoneId(),
                        sent.waId(),
                        sent.type(),
                        sent.payload(),
                        sent.bizOpaqueCallbackData(),
                        sent.createdAt()))
                .toList();
    }

    /**
     * Meta decides a message template by hand (APPROVED, REJECTED with {@code reason}, PAUSED or DISABLED)
     * and sends message_template_status_update; an automatic review still due is dropped.
     */
    public void decideTemplate(String templateId, String status, @Nullable String reason) {
        templates.decide(templateId, status, reason);
    }

    /** A template's quality score changes (GREEN, YELLOW, RED, UNKNOWN): message_template_quality_update. */
    public void setTemplateQuality(String templateId, String quality) {
        templates.setQuality(templateId, quality);
    }

    /**
     * Meta announces it will move a template to {@code correctCategory} at {@code effectiveAt}:
     * template_category_update with correct_category and category_update_timestamp.
     */
    public void announceTemplateCategory(String templateId, String correctCategory, java.time.Instant effectiveAt) {
        templates.announceCategory(templateId, correctCategory, effectiveAt);
    }

    /** A template's status as Graph lists it now (the automatic review's decision once it is due). */
    public String templateStatus(String templateId) {
        return templates.template(templateId).orElseThrow().status();
    }

    /**
     * Scripts what happens to every message sent to {@code customer} from now on, whatever its number ends in:
     * one of {@link DeliveryOutcome}'s names; {@code delaySeconds} (0 to 3600) is how late the statuses of
     * {@code LATE} come.
     */
    public void scriptDelivery(String customer, String outcome, int delaySeconds) {
        DeliveryOutcome.valueOf(outcome);
        if (delaySeconds < 0 || delaySeconds > MAX_DELIVERY_DELAY_SECONDS) {
            throw new IllegalArgumentException("delaySeconds must be between 0 and " + MAX_DELIVERY_DELAY_SECONDS);
        }
        deliveryScripts.set(WaId.fromRecipient(customer).value(), outcome, delaySeconds, clock.instant());
    }

    /** The customer's messages follow the number-suffix rules again. */
    public void removeDeliveryScript(String customer) {
        deliveryScripts.remove(WaId.fromRecipient(customer).value());
    }

    /** Meta pauses the number for its quality: every send is refused with 131048 until it is resumed. */
    public void pauseForQuality(String phoneId, boolean paused) {
        phone(phoneId);
        quality.pause(phoneId, paused, clock.instant());
    }

    /**
     * Meta holds the WABA's marketing templates to assess their quality (template pacing): their sends are
     * answered {@code held_for_quality_assessment} instead of {@code accepted}.
     */
    public void holdMarketing(String wabaId, boolean held) {
        accounts.waba(wabaId).orElseThrow(() -> new IllegalArgumentException("No sandbox WABA " + wabaId));
        quality.holdMarketing(wabaId, held, clock.instant());
    }

    /**
     * Makes a Graph operation fail until {@link #clearFaults()}; one of {@code oauth.access_token},
     * {@code debug_token}, {@code waba.get}, {@code waba.phone_numbers}, {@code waba.subscribed_apps},
     * {@code phone.get}, {@code phone.request_code}, {@code phone.verify_code}, {@code phone.register},
     * {@code phone.deregister}, {@code phone.pin}, {@code phone.business_profile}, {@code uploads},
     * {@code messages}; or {@code uploads.chunk}, which cuts the next upload chunk in half once, then
     * turns itself off.
     */
    @Transactional
    public void setFault(String operation, SandboxFault fault) {
        faults.set(operation, fault);
    }

    /** Clears every fault (on every node) and lets go of the requests this node holds. */
    public void clearFaults() {
        faults.clear();
    }

    private Business business(String businessId) {
        return accounts.business(businessId)
                .orElseThrow(() -> new IllegalArgumentException("No sandbox business " + businessId));
    }

    private PhoneNumber phone(String phoneId) {
        return accounts.phone(phoneId).orElseThrow(() -> new IllegalArgumentException("No sandbox phone " + phoneId));
    }

    private WhatsAppBusinessAccount waba(String wabaId) {
        return accounts.waba(wabaId).orElseThrow(() -> new IllegalArgumentException("No sandbox WABA " + wabaId));
    }

    private String limitOf(PhoneNumber phone) {
        return accounts.business(waba(phone.wabaId()).businessId())
                .orElseThrow()
                .messagingLimit();
    }

    private static void requireText(String value, String name) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
