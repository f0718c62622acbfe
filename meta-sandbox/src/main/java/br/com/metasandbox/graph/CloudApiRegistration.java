package br.com.metasandbox.graph;

import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.SandboxIds;
import br.com.metasandbox.state.SandboxVerification;
import br.com.metasandbox.webhooks.WebhookNotifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * A number's road to CONNECTED (contract §4): request and verify the ownership code, register with the
 * two-step PIN, deregister, and the PIN itself.
 */
@Component
public class CloudApiRegistration {

    /** Meta: 10 register/deregister requests per number per 72 h [doc]. */
    static final int REGISTRATION_REQUESTS = 10;

    static final Duration REGISTRATION_WINDOW = Duration.ofHours(72);

    /** Embedded Signup says "too many attempts, wait ~12 h" [doc]; 5 codes per 12 h is the sandbox's bound (unverified). */
    static final int CODE_REQUESTS = 5;

    static final Duration CODE_REQUEST_WINDOW = Duration.ofHours(12);

    /** How long an OTP can be verified, and how many wrong guesses it takes: sandbox choices (unverified). */
    static final Duration CODE_TTL = Duration.ofMinutes(10);

    public static final int CODE_GUESSES = 5;

    private static final Pattern PIN = Pattern.compile("\\d{6}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

    private final SandboxAccounts accounts;
    private final SandboxVerification verification;
    private final WebhookNotifications webhooks;
    private final Clock clock;

    CloudApiRegistration(
            SandboxAccounts accounts, SandboxVerification verification, WebhookNotifications webhooks, Clock clock) {
        this.accounts = accounts;
        this.verification = verification;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Transactional
    public void requestCode(PhoneNumber phone, GraphParams params) {
        String method = params.text("code_method")
                .map(value -> value.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> GraphRefusal.param("The parameter code_method is required."));
        if (!method.equals("SMS") && !method.equals("VOICE")) {
            throw GraphRefusal.param("Param code_method must be one of {SMS, VOICE} - got \"" + method + "\".");
        }
        String language = params.text("language")
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> GraphRefusal.param("The parameter language is required."));
        requestCode(phone, method, language);
    }

    /** Sends a new OTP by SMS or VOICE, within the sandbox's bound of code requests (the signup popup uses it too). */
    @Transactional
    public void requestCode(PhoneNumber phone, String method, String language) {
        if (method.equals("SMS") && phone.landline()) {
            // Meta documents no error for an SMS to a landline; #100 on code_method is the sandbox's choice.
            throw GraphRefusal.invalidParameter(
                    "Param code_method must be VOICE for this phone number: a landline cannot receive SMS.");
        }
        Instant now = clock.instant();
        if (verification.codeRequestsSince(phone.id(), now.minus(CODE_REQUEST_WINDOW)) >= CODE_REQUESTS) {
            throw GraphRefusal.of(
                    136024, "Too many code requests for this phone number. Wait a few hours before trying again.");
        }
        verification.insertCodeRequest(phone.id(), SandboxIds.otp(), method, language, now);
    }

    @Transactional(noRollbackFor = GraphRefusal.class)
    public void verifyCode(PhoneNumber phone, GraphParams params) {
        verifyCode(
                phone,
                params.text("code")
                        .map(String::strip)
                        .orElseThrow(() -> GraphRefusal.param("The parameter code is required.")));
    }

    /** Checks the OTP; wrong guesses count against the code (the signup popup uses it too). */
    @Transactional(noRollbackFor = GraphRefusal.class)
    public void verifyCode(PhoneNumber phone, String code) {
        Instant now = clock.instant();
        SandboxVerification.CodeRequest request = verification
                .latestCodeRequest(phone.id())
                .filter(candidate -> candidate.verifiedAt() == null)
                .orElseThrow(() -> GraphRefusal.of(136025, "No code was requested for this phone number."));
        if (!now.isBefore(request.requestedAt().plus(CODE_TTL)) || request.failedAttempts() >= CODE_GUESSES) {
            throw GraphRefusal.of(136025, "The code expired. Request a new code.");
        }
        if (!request.code().equals(code)) {
            verification.recordFailedAttempt(request.id());
            throw GraphRefusal.of(136025, "The code you entered is incorrect.");
        }
        verification.markVerified(request.id(), now);
        accounts.setCodeVerificationStatus(phone.id(), PhoneNumber.VERIFIED);
    }

    /**
     * Registers the number for Cloud API. Only the ownership code must be verified first: Meta reviews the
     * display name on its own, at the latest when the business reaches a higher messaging limit, which
     * needs a registered number, so a name still under review never blocks registration.
     */
    @Transactional(noRollbackFor = GraphRefusal.class)
    void register(PhoneNumber phone, GraphParams params) {
        countAgainstLimit(phone, "REGISTER");
        requireMessagingProduct(params);
        String pin = params.text("pin").orElseThrow(() -> GraphRefusal.param("The parameter pin is required."));
        requirePin(pin);
        String region = params.text("data_localization_region")
                .map(value -> value.strip().toUpperCase(Locale.ROOT))
                .orElse(null);
        if (region != null && !REGION.matcher(region).matches()) {
            throw GraphRefusal.invalidParameter("data_localization_region must be an ISO 3166 alpha-2 country code.");
        }
        if (!phone.verified()) {
            throw GraphRefusal.of(133006, "Phone number needs to be verified before registering.");
        }
        if (phone.twoStepPin() != null && !phone.twoStepPin().equals(pin)) {
            throw GraphRefusal.of(133005, "Two-step verification PIN incorrect.");
        }
        // The region only changes through deregister + register [doc]; a new register keeps the given value.
        accounts.setRegistered(
                phone.id(), pin, Optional.ofNullable(region).orElse(phone.dataLocalizationRegion()), clock.instant());
        // Meta reports a number's onboarding onto Cloud API with its throughput as ONBOARDING; that it
        // comes at each successful register is the sandbox's choice (the console says so).
        String limit = accounts.waba(phone.wabaId())
                .flatMap(waba -> accounts.business(waba.businessId()))
                .map(Business::messagingLimit)
                .orElseThrow();
        webhooks.quality(phone, "ONBOARDING", limit);
    }

    @Transactional(noRollbackFor = GraphRefusal.class)
    void deregister(PhoneNumber phone) {
        countAgainstLimit(phone, "DEREGISTER");
        if (phone.onBizApp()) {
            throw GraphRefusal.invalidParameter("Numbers on the WhatsApp Business app cannot be deregistered.");
        }
        accounts.setStatus(phone.id(), PhoneNumber.DISCONNECTED);
    }

    /** Sets the two-step PIN; Meta then tells the app with a security PIN_CHANGED webhook [doc]. */
    @Transactional
    void setTwoStepPin(PhoneNumber phone, String pin) {
        requirePin(pin);
        accounts.setTwoStepPin(phone.id(), pin);
        String requester = accounts.waba(phone.wabaId())
                .flatMap(waba -> accounts.business(waba.businessId()))
                .map(Business::systemUserId)
                .orElseThrow();
        webhooks.pinChanged(phone, requester);
    }

    void setWebhookOverride(PhoneNumber phone, GraphParams params) {
        JsonNode configuration = params.node("webhook_configuration").orElseThrow();
        String uri = configuration.path("override_callback_uri").asString("");
        if (uri.isEmpty()) {
            accounts.setWebhookOverride(phone.id(), null, null);
            return;
        }
        String verifyToken = configuration.path("verify_token").asString("");
        if (verifyToken.isBlank()) {
            throw GraphRefusal.param("The parameter verify_token is required.");
        }
        WabaEndpoints.requireCallbackUri(uri);
        accounts.setWebhookOverride(phone.id(), uri, verifyToken);
    }

    /** Every request counts, refused ones too, except those refused for the limit itself (unverified). */
    private void countAgainstLimit(PhoneNumber phone, String kind) {
        Instant now = clock.instant();
        if (verification.registrationRequestsSince(phone.id(), now.minus(REGISTRATION_WINDOW))
                >= REGISTRATION_REQUESTS) {
            throw GraphRefusal.of(
                    133016,
                    "Registration or Deregistration failed because there were too many attempts for this phone number"
                            + " in a short period of time.");
        }
        verification.insertRegistrationRequest(phone.id(), kind, now);
    }

    static void requireMessagingProduct(GraphParams params) {
        String product = params.text("messaging_product")
                .orElseThrow(() -> GraphRefusal.param("The parameter messaging_product is required."));
        if (!"whatsapp".equals(product)) {
            throw GraphRefusal.param("Param messaging_product must be one of {WHATSAPP} - got \"" + product + "\".");
        }
    }

    private static void requirePin(String pin) {
        if (!PIN.matcher(pin).matches()) {
            throw GraphRefusal.param("Param pin must be 6 digits.");
        }
    }
}
