package br.com.metasandbox.signup;

import br.com.metasandbox.SandboxBusiness;
import br.com.metasandbox.SandboxBusinessApp;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.graph.CloudApiRegistration;
import br.com.metasandbox.graph.GraphRefusal;
import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.NumbersOnApp;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.SandboxIds;
import br.com.metasandbox.state.SandboxProfiles;
import br.com.metasandbox.state.SandboxVerification;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import br.com.metasandbox.state.WhatsAppBusinessProfile;
import br.com.metasandbox.webhooks.WebhookNotifications;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Embedded Signup popup's flow (contract §1): Facebook login, portfolio, WABA, profile, number, code,
 * permissions; each step moves the run's row along, and the run ends with the messages to the opener.
 */
@Component
class EmbeddedSignup {

    static final int SESSION_INFO_VERSION = 3;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s]+\\.[^\\s]+");

    private final SignupSessions sessions;
    private final SandboxMeta meta;
    private final SandboxAccounts accounts;
    private final SandboxProfiles profiles;
    private final SandboxVerification verification;
    private final CloudApiRegistration registration;
    private final NumbersOnApp numbersOnApp;
    private final SandboxBusinessApp businessApp;
    private final WebhookNotifications webhooks;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    EmbeddedSignup(
            SignupSessions sessions,
            SandboxMeta meta,
            SandboxAccounts accounts,
            SandboxProfiles profiles,
            SandboxVerification verification,
            CloudApiRegistration registration,
            NumbersOnApp numbersOnApp,
            SandboxBusinessApp businessApp,
            WebhookNotifications webhooks,
            MessageSource messages,
            JsonMapper json,
            Clock clock) {
        this.sessions = sessions;
        this.meta = meta;
        this.accounts = accounts;
        this.profiles = profiles;
        this.verification = verification;
        this.registration = registration;
        this.numbersOnApp = numbersOnApp;
        this.businessApp = businessApp;
        this.webhooks = webhooks;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    SignupSession start(SignupRequest request) {
        SignupSession session = SignupSession.opened(SandboxIds.hex(8), request, clock.instant());
        sessions.insert(session);
        return session;
    }

    Optional<SignupSession> session(String id) {
        return sessions.find(id);
    }

    /** Any password will do: the e-mail names the simulated Facebook user. */
    void login(SignupSession session, String email, String password) {
        expect(session, SignupStep.LOGIN);
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches()) {
            throw new SignupProblem("sandbox.signup.login.invalid-email");
        }
        if (password.isBlank()) {
            throw new SignupProblem("sandbox.signup.login.missing-password");
        }
        save(session.loggedIn(address));
    }

    List<Business> businessesOf(SignupSession session) {
        return session.email() == null
                ? List.of()
                : sessions.businessesOf(session.email()).stream()
                        .flatMap(id -> accounts.business(id).stream())
                        .toList();
    }

    /** An existing portfolio of the user's, or a new one named like the company's documents. */
    @Transactional
    void chooseBusiness(SignupSession session, @Nullable String businessId, @Nullable String newName) {
        expect(session, SignupStep.BUSINESS_ACCOUNT_SELECTION);
        String email = java.util.Objects.requireNonNull(session.email());
        if (businessId == null || businessId.isBlank() || businessId.equals("new")) {
            if (newName == null || newName.isBlank()) {
                throw new SignupProblem("sandbox.signup.business.missing-name");
            }
            if (newName.strip().length() > 200) {
                throw new SignupProblem("sandbox.signup.business.name-too-long");
            }
            SandboxBusiness business = meta.createBusiness(newName);
            sessions.addAdmin(email, business.id());
            save(session.withBusiness(business.id()));
            return;
        }
        if (!sessions.isAdmin(email, businessId)) {
            throw new SignupProblem("sandbox.signup.business.not-admin");
        }
        save(session.withBusiness(businessId));
    }

    /**
     * The WABAs the picker lists: the business's, less the empty ones that a run created and then cancelled
     * (the user never shared them; listed, each retry would add another with the same name).
     */
    List<WhatsAppBusinessAccount> wabasOf(SignupSession session) {
        String businessId = session.businessId();
        if (businessId == null) {
            return List.of();
        }
        Set<String> cancelled = sessions.wabasCreatedByCancelledRuns(businessId);
        return accounts.wabasOf(businessId).stream()
                .filter(waba -> !cancelled.contains(waba.id())
                        || !accounts.phonesOf(waba.id()).isEmpty())
                .toList();
    }

    /** "new" creates the WABA at the profile step, where its name is asked. */
    void chooseWaba(SignupSession session, @Nullable String wabaId) {
        expect(session, SignupStep.WABA_PHONE_PROFILE_PICKER);
        if (wabaId == null || wabaId.isBlank() || wabaId.equals("new")) {
            save(session.withWaba(null, true));
            return;
        }
        WhatsAppBusinessAccount waba = accounts.waba(wabaId)
                .filter(candidate -> candidate.businessId().equals(session.businessId()))
                .orElseThrow(() -> new SignupProblem("sandbox.signup.waba.unknown"));
        save(session.withWaba(waba.id(), false));
    }

    /**
     * The WhatsApp Business profile. A display name against Meta's guidelines is refused on this screen
     * with Meta's error text and id: the user may fix it and go on, or report the error (a CANCEL).
     */
    @Transactional
    void profile(
            SignupSession session,
            @Nullable String accountName,
            String displayName,
            @Nullable String vertical,
            @Nullable String description,
            @Nullable String website) {
        expect(session, SignupStep.WHATSAPP_BUSINESS_PROFILE_SETUP);
        String businessId = java.util.Objects.requireNonNull(session.businessId());
        boolean newWaba = session.wabaId() == null;
        if (newWaba && (accountName == null || accountName.isBlank())) {
            throw new SignupProblem("sandbox.signup.profile.missing-account-name");
        }
        if (displayName.isBlank()) {
            throw new SignupProblem("sandbox.signup.profile.missing-display-name");
        }
        if (vertical == null || vertical.isBlank() || !WhatsAppBusinessProfile.VERTICALS.contains(vertical)) {
            throw new SignupProblem("sandbox.signup.profile.missing-category");
        }
        String about = blankToNull(description);
        if (about != null && about.length() > 512) {
            throw new SignupProblem("sandbox.signup.profile.description-too-long");
        }
        String site = blankToNull(website);
        if (site != null && (site.length() > 256 || !WEBSITE.matcher(site).matches())) {
            throw new SignupProblem("sandbox.signup.profile.invalid-website");
        }
        DisplayNameRules.check(displayName).ifPresent(violation -> {
            throw new SignupFailed(violation.errorId(), violation.messageKey());
        });
        String wabaId = session.wabaId();
        if (newWaba) {
            wabaId = meta.createWaba(businessId, java.util.Objects.requireNonNull(accountName))
                    .id();
        }
        save(session.withWaba(wabaId, newWaba).withProfile(displayName.strip(), vertical, about, site));
    }

    /**
     * The number (+55 only, not on the WhatsApp app, not a Meta test number), added to the WABA with its
     * profile, and the first code sent by SMS or voice call.
     */
    @Transactional(noRollbackFor = SignupProblem.class)
    void phone(SignupSession session, String country, String number, String method) {
        expect(session, SignupStep.PHONE_NUMBER_SETUP);
        String e164 = e164(country, number);
        String codeMethod = codeMethod(method);
        if (codeMethod.equals("SMS") && PhoneNumber.isBrazilianLandline(e164)) {
            throw new SignupProblem("sandbox.signup.phone.landline-sms");
        }
        // The business-app flow is for numbers on the app; the other flow refuses them.
        if (!session.businessApp() && numbersOnApp.onApp(e164)) {
            throw new SignupProblem("sandbox.signup.phone.on-app");
        }
        String wabaId = java.util.Objects.requireNonNull(session.wabaId());
        PhoneNumber phone = null;
        for (PhoneNumber existing : accounts.phonesWithNumber(e164)) {
            if (!existing.wabaId().equals(wabaId)) {
                throw new SignupProblem("sandbox.signup.phone.other-waba");
            }
            phone = existing;
        }
        String phoneId = phone != null
                ? phone.id()
                : meta.addPhone(wabaId, e164, java.util.Objects.requireNonNull(session.verifiedName()))
                        .id();
        profiles.save(
                phoneId,
                new WhatsAppBusinessProfile(
                        null,
                        null,
                        session.description(),
                        null,
                        session.website() == null ? List.of() : List.of(session.website()),
                        session.vertical(),
                        null),
                clock.instant());
        save(session.withPhone(phoneId, codeMethod));
        sendCode(phoneId, codeMethod);
    }

    /**
     * Goes on without a number: Meta lets the user share the WABA alone, and the run then ends with
     * FINISH_ONLY_WABA.
     */
    void skipPhone(SignupSession session) {
        expect(session, SignupStep.PHONE_NUMBER_SETUP);
        save(session.at(SignupStep.PERMISSIONS));
    }

    /** A new code, by SMS or voice call; Meta bounds the requests ("try again in ~12 h" [doc]). */
    void resend(SignupSession session, String method) {
        expect(session, SignupStep.PHONE_NUMBER_VERIFICATION);
        String phoneId = java.util.Objects.requireNonNull(session.phoneId());
        String codeMethod = accounts.phone(phoneId).orElseThrow().landline() ? "VOICE" : codeMethod(method);
        sendCode(phoneId, codeMethod);
        save(session.withPhone(phoneId, codeMethod));
    }

    Optional<SandboxVerification.CodeRequest> lastCode(SignupSession session) {
        return session.phoneId() == null ? Optional.empty() : verification.latestCodeRequest(session.phoneId());
    }

    /** The code from the phone, checked like Graph's verify_code (same attempts, same expiry). */
    void verify(SignupSession session, String code) {
        expect(session, SignupStep.PHONE_NUMBER_VERIFICATION);
        String digits = code.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{6}")) {
            throw new SignupProblem("sandbox.signup.verify.format");
        }
        PhoneNumber phone = accounts.phone(java.util.Objects.requireNonNull(session.phoneId()))
                .orElseThrow();
        try {
            registration.verifyCode(phone, digits);
        } catch (GraphRefusal e) {
            int used = verification
                    .latestCodeRequest(phone.id())
                    .map(SandboxVerification.CodeRequest::failedAttempts)
                    .orElse(CloudApiRegistration.CODE_GUESSES);
            int left = CloudApiRegistration.CODE_GUESSES - used;
            String details = java.util.Objects.requireNonNullElse(e.details(), "");
            if (left <= 0 || !details.contains("incorrect")) {
                throw new SignupProblem("sandbox.signup.verify.exhausted");
            }
            throw new SignupProblem("sandbox.signup.verify.wrong", left);
        }
        save(session.at(SignupStep.PERMISSIONS));
    }

    /**
     * FINISH (or FINISH_ONLY_WABA when the user shared no number): the code is issued now (30 s to
     * exchange it), and Meta fires account_update PARTNER_ADDED.
     */
    @Transactional
    SignupEnd finish(SignupSession session) {
        return finish(session, true);
    }

    /**
     * @param shareHistory in the business-app flow, whether the business lets the app share its chat history
     *     (else Meta answers the history sync with 2593109)
     */
    @Transactional
    SignupEnd finish(SignupSession session, boolean shareHistory) {
        expect(session, SignupStep.PERMISSIONS);
        if (!sessions.update(session.ended("FINISH"), clock.instant())) {
            throw new SignupProblem("sandbox.signup.ended");
        }
        WhatsAppBusinessAccount waba = accounts.waba(java.util.Objects.requireNonNull(session.wabaId()))
                .orElseThrow();
        webhooks.partnerAdded(waba);
        // The token is granted the one WABA chosen or created in this popup, as Meta grants it.
        String code = meta.issueCode(waba.businessId(), List.of(waba.id()));
        String event = session.phoneId() == null ? "FINISH_ONLY_WABA" : "FINISH";
        if (session.businessApp() && session.phoneId() != null) {
            businessApp.joined(session.phoneId(), shareHistory);
            event = "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING";
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (session.phoneId() != null) {
            data.put("phone_number_id", session.phoneId());
        }
        data.put("waba_id", waba.id());
        data.put("business_id", waba.businessId());
        Map<String, Object> login = new LinkedHashMap<>();
        login.put("type", "SANDBOX_FB_LOGIN");
        login.put("status", "connected");
        login.put("authResponse", Map.of("code", code));
        return new SignupEnd(event, session.origin(), sessionInfo(event, data), json.writeValueAsString(login), null);
    }

    /** CANCEL with the step the user left; at Facebook's login there is no Embedded Signup step to report. */
    SignupEnd cancel(SignupSession session) {
        if (!sessions.update(session.ended("CANCEL"), clock.instant())) {
            throw new SignupProblem("sandbox.signup.ended");
        }
        String info = session.step() == SignupStep.LOGIN
                ? null
                : sessionInfo("CANCEL", Map.of("current_step", session.step().name()));
        return new SignupEnd("CANCEL", session.origin(), info, notConnected(), null);
    }

    /**
     * The user reports the error shown on the profile screen: Meta ends the run with CANCEL carrying the
     * error's text and id, the session and the time, so that the business can tell support.
     */
    SignupEnd reportError(SignupSession session, String errorId, Locale locale) {
        expect(session, SignupStep.WHATSAPP_BUSINESS_PROFILE_SETUP);
        DisplayNameRules.Violation violation = DisplayNameRules.Violation.withErrorId(errorId)
                .orElseThrow(() -> new SignupProblem("sandbox.signup.report.unknown-error"));
        if (!sessions.update(session.ended("CANCEL"), clock.instant())) {
            throw new SignupProblem("sandbox.signup.ended");
        }
        String message = messages.getMessage(violation.messageKey(), null, locale);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("error_message", message);
        data.put("error_id", violation.errorId());
        data.put("session_id", session.id());
        data.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
        return new SignupEnd("CANCEL", session.origin(), sessionInfo("CANCEL", data), notConnected(), message);
    }

    private String sessionInfo(String event, Map<String, ?> data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "WA_EMBEDDED_SIGNUP");
        message.put("event", event);
        message.put("data", data);
        message.put("version", SESSION_INFO_VERSION);
        return json.writeValueAsString(message);
    }

    private String notConnected() {
        Map<String, Object> login = new LinkedHashMap<>();
        login.put("type", "SANDBOX_FB_LOGIN");
        login.put("status", "unknown");
        login.put("authResponse", null);
        return json.writeValueAsString(login);
    }

    private void sendCode(String phoneId, String method) {
        try {
            registration.requestCode(accounts.phone(phoneId).orElseThrow(), method, "pt_BR");
        } catch (GraphRefusal e) {
            throw new SignupProblem("sandbox.signup.phone.too-many-codes");
        }
    }

    private void expect(SignupSession session, SignupStep step) {
        if (session.ended()) {
            throw new SignupProblem("sandbox.signup.ended");
        }
        if (session.step() != step) {
            throw new SignupOutOfStep();
        }
    }

    private void save(SignupSession session) {
        if (!sessions.update(session, clock.instant())) {
            throw new SignupProblem("sandbox.signup.ended");
        }
    }

    /**
     * +55 with DDD and 8 or 9 digits; Meta's test numbers (+1 555…) and other countries are refused with
     * their own messages.
     */
    static String e164(String country, String number) {
        String digits = number.replaceAll("\\D", "");
        String code = country.replaceAll("\\D", "");
        if (number.strip().startsWith("+")) {
            code = "";
        }
        String full = code + digits;
        if (digits.isEmpty()) {
            throw new SignupProblem("sandbox.signup.phone.missing");
        }
        if (full.startsWith("1555")) {
            throw new SignupProblem("sandbox.signup.phone.meta-test-number");
        }
        if (!full.startsWith("55")) {
            throw new SignupProblem("sandbox.signup.phone.not-brazil");
        }
        String national = full.substring(2);
        boolean mobile = national.length() == 11 && national.charAt(2) == '9';
        boolean landline = national.length() == 10 && "2345".indexOf(national.charAt(2)) >= 0;
        if (national.charAt(0) == '0' || national.charAt(1) == '0' || !(mobile || landline)) {
            throw new SignupProblem("sandbox.signup.phone.invalid");
        }
        return "+" + full;
    }

    private static String codeMethod(String method) {
        return "VOICE".equalsIgnoreCase(method) ? "VOICE" : "SMS";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A form of another step (back button, second tab): the popup shows the run's current screen instead. */
    static final class SignupOutOfStep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SignupOutOfStep() {
            super("out of step", null, false, false);
        }
    }
}
