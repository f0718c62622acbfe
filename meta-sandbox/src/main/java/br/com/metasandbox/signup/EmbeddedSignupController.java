package br.com.metasandbox.signup;

import br.com.metasandbox.MetaApp;
import br.com.metasandbox.graph.OAuthEndpoints;
import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.NumbersOnApp;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.Verticals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Meta's Embedded Signup window, as the sandbox plays it at {@code /sandbox/dialog/embedded-signup}. The
 * product opens it with {@code window.open}; it ends by posting two JSON strings to {@code window.opener}
 * (only to the {@code origin} given, which must be the sandbox's own) and closing itself.
 */
@Controller
@RequestMapping("/sandbox/dialog")
class EmbeddedSignupController {

    static final String BASE = "/sandbox/dialog/embedded-signup";

    private final EmbeddedSignup signup;
    private final SandboxAccounts accounts;
    private final MetaApp settings;
    private final NumbersOnApp numbersOnApp;
    private final MessageSource messages;

    EmbeddedSignupController(
            EmbeddedSignup signup,
            SandboxAccounts accounts,
            MetaApp settings,
            NumbersOnApp numbersOnApp,
            MessageSource messages) {
        this.signup = signup;
        this.accounts = accounts;
        this.settings = settings;
        this.numbersOnApp = numbersOnApp;
        this.messages = messages;
    }

    /** "Testar o Embedded Signup": opens the popup as the product does and lists what it posts back. */
    @GetMapping("/opener")
    String opener(HttpServletRequest request, Model model) {
        model.addAttribute("origin", ownOrigin(request));
        model.addAttribute("appId", settings.appId());
        model.addAttribute("configId", settings.configId());
        return "sandbox/opener";
    }

    @GetMapping("/embedded-signup")
    String open(
            @RequestParam(name = "app_id", required = false) @Nullable String appId,
            @RequestParam(name = "config_id", required = false) @Nullable String configId,
            @RequestParam(required = false) @Nullable String origin,
            @RequestParam(required = false) @Nullable String extras,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (origin == null || !sameOrigin(origin, ownOrigin(request))) {
            return refused(response, model, "sandbox.signup.refused.origin");
        }
        if (!settings.appId().equals(appId) || !settings.configId().equals(configId)) {
            return refused(response, model, "sandbox.signup.refused.app");
        }
        SignupSession session = signup.start(new SignupRequest(ownOrigin(request), appId, extras));
        return "redirect:" + BASE + "/" + session.id();
    }

    @GetMapping("/embedded-signup/{id}")
    String screen(@PathVariable String id, HttpServletResponse response, Model model) {
        SignupSession session = signup.session(id).orElse(null);
        if (session == null) {
            return refused(response, model, "sandbox.signup.refused.session");
        }
        if (session.ended()) {
            return refused(response, model, "sandbox.signup.ended");
        }
        return show(session, model);
    }

    @PostMapping("/embedded-signup/{id}/login")
    String login(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("email", email);
        return act(id, response, model, session -> signup.login(session, email, password));
    }

    @PostMapping("/embedded-signup/{id}/business")
    String business(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String business,
            @RequestParam(required = false) @Nullable String companyName,
            HttpServletResponse response,
            Model model) {
        return act(id, response, model, session -> signup.chooseBusiness(session, business, companyName));
    }

    @PostMapping("/embedded-signup/{id}/waba")
    String waba(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String waba,
            HttpServletResponse response,
            Model model) {
        return act(id, response, model, session -> signup.chooseWaba(session, waba));
    }

    @PostMapping("/embedded-signup/{id}/profile")
    String profile(
            @PathVariable String id, ProfileForm form, HttpServletResponse response, Model model, Locale locale) {
        model.addAttribute("form", form);
        SignupSession session = signup.session(id).orElse(null);
        if (session == null) {
            return refused(response, model, "sandbox.signup.refused.session");
        }
        try {
            return act(
                    id,
                    response,
                    model,
                    current -> signup.profile(
                            current,
                            form.accountName(),
                            Objects.requireNonNullElse(form.displayName(), ""),
                            form.vertical(),
                            form.description(),
                            form.website()));
        } catch (SignupFailed failure) {
            response.setStatus(422);
            model.addAttribute("nameError", messages.getMessage(failure.messageKey(), null, locale));
            model.addAttribute("nameErrorId", failure.errorId());
            return show(session, model);
        }
    }

    /** "Relatar erro" on the profile screen: the run ends with a CANCEL carrying Meta's error. */
    @PostMapping("/embedded-signup/{id}/report")
    String report(
            @PathVariable String id,
            @RequestParam(name = "error_id", defaultValue = "") String errorId,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        SignupSession session = signup.session(id).orElse(null);
        if (session == null) {
            return refused(response, model, "sandbox.signup.refused.session");
        }
        try {
            return end(signup.reportError(session, errorId, locale), model);
        } catch (SignupProblem problem) {
            return refused(response, model, problem.messageKey());
        } catch (EmbeddedSignup.SignupOutOfStep e) {
            return "redirect:" + BASE + "/" + id;
        }
    }

    /** "Adicionar número depois": the WABA is shared alone. */
    @PostMapping("/embedded-signup/{id}/skip-phone")
    String skipPhone(@PathVariable String id, HttpServletResponse response, Model model) {
        return act(id, response, model, signup::skipPhone);
    }

    @PostMapping("/embedded-signup/{id}/phone")
    String phone(
            @PathVariable String id,
            @RequestParam(defaultValue = "55") String country,
            @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "SMS") String method,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("country", country);
        model.addAttribute("number", number);
        model.addAttribute("method", method);
        return act(id, response, model, session -> {
            try {
                signup.phone(session, country, number, method);
            } catch (SignupProblem problem) {
                if (problem.messageKey().equals("sandbox.signup.phone.landline-sms")) {
                    // shown again with the one method a landline can take
                    model.addAttribute("method", "VOICE");
                }
                throw problem;
            }
        });
    }

    @PostMapping("/embedded-signup/{id}/resend")
    String resend(
            @PathVariable String id,
            @RequestParam(defaultValue = "SMS") String method,
            HttpServletResponse response,
            Model model) {
        return act(id, response, model, session -> signup.resend(session, method));
    }

    @PostMapping("/embedded-signup/{id}/verify")
    String verify(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String code,
            HttpServletResponse response,
            Model model) {
        return act(id, response, model, session -> signup.verify(session, code));
    }

    @PostMapping("/embedded-signup/{id}/confirm")
    String confirm(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean shareHistory,
            HttpServletResponse response,
            Model model) {
        SignupSession session = signup.session(id).orElse(null);
        if (session == null) {
            return refused(response, model, "sandbox.signup.refused.session");
        }
        try {
            return end(signup.finish(session, !session.businessApp() || shareHistory), model);
        } catch (SignupProblem problem) {
            return problem(response, model, session, problem);
        } catch (EmbeddedSignup.SignupOutOfStep e) {
            return "redirect:" + BASE + "/" + id;
        }
    }

    @PostMapping("/embedded-signup/{id}/cancel")
    String cancel(@PathVariable String id, HttpServletResponse response, Model model) {
        SignupSession session = signup.session(id).orElse(null);
        if (session == null) {
            return refused(response, model, "sandbox.signup.refused.session");
        }
        try {
            return end(signup.cancel(session), model);
        } catch (SignupProblem problem) {
            return refused(response, model, problem.messageKey());
        }
    }

    private interface Action {
        void run(SignupSession session);
    }

    /** Runs a step's action; then shows the run's (new) current screen, or the same one with the problem. */
    private String act(String id, HttpServletResponse response, Model model, Action action) {
        SignupSession session = signup.session(id).orElse(null);
        if (session == null) {
            return refused(response, model, "sandbox.signup.refused.session");
        }
        try {
            action.run(session);
        } catch (SignupProblem problem) {
            SignupSession now = signup.session(id).orElse(session);
            if (now.ended()) {
                return refused(response, model, problem.messageKey());
            }
            return problem(response, model, now, problem);
        } catch (EmbeddedSignup.SignupOutOfStep e) {
            // another tab or the back button: show where the run really is
        }
        return "redirect:" + BASE + "/" + id;
    }

    private String problem(HttpServletResponse response, Model model, SignupSession session, SignupProblem problem) {
        response.setStatus(422);
        model.addAttribute("problemKey", problem.messageKey());
        model.addAttribute("problemArgs", problem.arguments());
        return show(session, model);
    }

    private String show(SignupSession session, Model model) {
        model.addAttribute("session", session);
        model.addAttribute("businessApp", session.businessApp());
        model.addAttribute("step", session.step());
        model.addAttribute("stepNumber", session.step().ordinal());
        model.addAttribute("base", BASE + "/" + session.id());
        // Closing the window here is abandoning Embedded Signup at this step (none yet at Facebook's login).
        if (session.step() != SignupStep.LOGIN) {
            model.addAttribute("abandonStep", session.step().name());
            model.addAttribute("signupOrigin", session.origin());
        }
        switch (session.step()) {
            case BUSINESS_ACCOUNT_SELECTION -> model.addAttribute("businesses", signup.businessesOf(session));
            case WABA_PHONE_PROFILE_PICKER -> {
                model.addAttribute("business", business(session));
                model.addAttribute("wabas", signup.wabasOf(session));
            }
            case WHATSAPP_BUSINESS_PROFILE_SETUP -> {
                model.addAttribute(
                        "waba",
                        session.wabaId() == null
                                ? null
                                : accounts.waba(session.wabaId()).orElse(null));
                model.addAttribute("verticals", Verticals.ALL);
                if (!model.containsAttribute("form")) {
                    model.addAttribute("form", new ProfileForm(null, null, null, null, null));
                }
            }
            case PHONE_NUMBER_SETUP -> {
                model.addAttribute("onAppSuffix", NumbersOnApp.SUFFIX);
                model.addAttribute("listedOnApp", numbersOnApp.listed());
            }
            case PHONE_NUMBER_VERIFICATION -> {
                model.addAttribute("phone", phone(session));
                signup.lastCode(session).ifPresent(request -> {
                    model.addAttribute("codeRequest", request);
                    String code = request.code();
                    model.addAttribute("smsCode", code.substring(0, 3) + "-" + code.substring(3));
                    model.addAttribute("spokenCode", String.join(", ", code.split("")));
                });
            }
            case PERMISSIONS -> {
                model.addAttribute("business", business(session));
                model.addAttribute(
                        "waba",
                        accounts.waba(Objects.requireNonNull(session.wabaId())).orElse(null));
                model.addAttribute("phone", phone(session));
                model.addAttribute("appName", OAuthEndpoints.APPLICATION_NAME);
            }
            case LOGIN -> {
                // the form only
            }
        }
        return session.step().view();
    }

    private String end(SignupEnd end, Model model) {
        model.addAttribute("end", end);
        return "sandbox/signup/end";
    }

    private String refused(HttpServletResponse response, Model model, String key) {
        response.setStatus(400);
        model.addAttribute("messageKey", key);
        return "sandbox/signup/refused";
    }

    private @Nullable Business business(SignupSession session) {
        return session.businessId() == null
                ? null
                : accounts.business(session.businessId()).orElse(null);
    }

    private @Nullable PhoneNumber phone(SignupSession session) {
        return session.phoneId() == null
                ? null
                : accounts.phone(session.phoneId()).orElse(null);
    }

    /** This server's origin as the browser sees it, e.g. "http://127.0.0.1:8080". */
    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    static boolean sameOrigin(String given, String own) {
        try {
            URI uri = URI.create(given.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            if (uri.getRawPath() != null
                    && !uri.getRawPath().isEmpty()
                    && !uri.getRawPath().equals("/")) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String normalized =
                    scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
            return normalized.equals(own);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The profile screen's fields. */
    record ProfileForm(
            @Nullable String accountName,
            @Nullable String displayName,
            @Nullable String vertical,
            @Nullable String description,
            @Nullable String website) {}
}
