package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.ConnectOutcome;
import br.com.whatsappoficial.meta.MetaSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Step 2, Conectar com a Meta: launches Embedded Signup and receives how it ended. */
@Controller
@RequestMapping("/configuracoes/whatsapp-oficial")
class SignupController {

    private static final Logger log = LoggerFactory.getLogger(SignupController.class);

    private final MetaSettings meta;
    private final SignupCompletion completion;
    private final MessageSource messages;

    SignupController(MetaSettings meta, SignupCompletion completion, MessageSource messages) {
        this.meta = meta;
        this.completion = completion;
        this.messages = messages;
    }

    @GetMapping("/conectar")
    String connect(Model model) {
        model.addAttribute("meta", meta);
        return "onboarding/connect";
    }

    /**
     * What the launcher reports, under Meta's event name: a FINISH with the code (exchanged here at once),
     * a WABA shared without a number, a coexistence number, or a CANCEL/ERROR that only needs a pt-BR
     * explanation. The answer is JSON for the launcher's script.
     */
    @PostMapping("/conexao")
    @ResponseBody
    ResponseEntity<Map<String, Object>> report(@RequestBody SignupReport report, Locale locale) {
        if (report.event() == null) {
            return unreadable(locale);
        }
        if (report.outcome().isEmpty()) {
            log.warn("Embedded Signup reported an event the product does not know: {}", report.event());
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "message",
                            messages.getMessage(
                                    "onboarding.report.unknown-event", new Object[] {report.event()}, locale)));
        }
        return switch (report.outcome().get()) {
            case FINISH -> finish(report, locale);
            case FINISH_ONLY_WABA -> onlyWaba(report, locale);
            case FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING -> finishOnBusinessApp(report, locale);
            case CANCEL ->
                report.userReportedError()
                        ? metaError(report, locale)
                        : ResponseEntity.ok(Map.of("message", cancelMessage(report.currentStep(), locale)));
            case ERROR -> metaError(report, locale);
        };
    }

    private ResponseEntity<Map<String, Object>> finish(SignupReport report, Locale locale) {
        if (report.code() == null || report.code().isBlank()) {
            return refusal(new SignupRefused("onboarding.refused.no-code", null), locale);
        }
        try {
            ConnectOutcome outcome = completion.complete(report.finished());
            log.info("Embedded Signup finished: {}", outcome);
            return ResponseEntity.ok(Map.of("redirect", "/configuracoes/whatsapp-oficial/status"));
        } catch (SignupRefused refused) {
            return refusal(refused, locale);
        }
    }

    /** A number that stays on the WhatsApp Business app: connected without register, its app's data asked for. */
    private ResponseEntity<Map<String, Object>> finishOnBusinessApp(SignupReport report, Locale locale) {
        if (report.code() == null || report.code().isBlank()) {
            return refusal(new SignupRefused("onboarding.refused.no-code", null), locale);
        }
        try {
            ConnectOutcome outcome = completion.completeOnBusinessApp(report.finished());
            log.info("Embedded Signup finished on the WhatsApp Business app: {}", outcome);
            return ResponseEntity.ok(Map.of("redirect", "/configuracoes/whatsapp-oficial/status"));
        } catch (SignupRefused refused) {
            return refusal(refused, locale);
        }
    }

    /** No number came with the WABA: list the numbers Meta has for it, or say how to add one. */
    private ResponseEntity<Map<String, Object>> onlyWaba(SignupReport report, Locale locale) {
        if (report.code() == null || report.code().isBlank()) {
            return refusal(new SignupRefused("onboarding.refused.no-code", null), locale);
        }
        try {
            SignupFinished finished = report.finished();
            SignupCompletion.SharedWaba shared = completion.sharedWithoutNumber(finished.code(), finished.wabaId());
            if (shared.reauthorized()) {
                log.info("Embedded Signup finished: RECONNECTED without a new number");
                return ResponseEntity.ok(Map.of("redirect", "/configuracoes/whatsapp-oficial/status"));
            }
            String name = shared.waba().name() == null
                    ? shared.waba().id()
                    : shared.waba().name();
            List<String> numbers = shared.numbers().stream()
                    .map(number -> number.verifiedName() == null
                            ? text(number.displayPhoneNumber())
                            : text(number.displayPhoneNumber()) + " (" + number.verifiedName() + ")")
                    .toList();
            String key = numbers.isEmpty() ? "onboarding.only-waba.no-numbers" : "onboarding.only-waba.numbers";
            return ResponseEntity.ok(
                    Map.of("message", messages.getMessage(key, new Object[] {name}, locale), "numbers", numbers));
        } catch (SignupRefused refused) {
            return refusal(refused, locale);
        }
    }

    /**
     * A user-reported error (CANCEL with Meta's text) or an ERROR: Meta's own words and id, for support;
     * without an id, nothing to quote to support.
     */
    private ResponseEntity<Map<String, Object>> metaError(SignupReport report, Locale locale) {
        String key =
                report.errorId() == null || report.errorId().isBlank() ? "onboarding.error.no-id" : "onboarding.error";
        // Meta's sentence goes inside our own, which ends it: its final full stop would be doubled.
        String said = report.userReportedError()
                ? report.errorMessage().strip().replaceAll("[.!]+$", "")
                : messages.getMessage("onboarding.error.no-text", null, locale);
        return ResponseEntity.ok(Map.of(
                "message", messages.getMessage(key, new Object[] {said, text(report.errorId())}, locale)));
    }

    /** A body that is not the launcher's JSON: refused in pt-BR, never a server error. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseBody
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException unreadable, Locale locale) {
        return unreadable(locale);
    }

    private ResponseEntity<Map<String, Object>> unreadable(Locale locale) {
        return ResponseEntity.badRequest()
                .body(Map.of("message", messages.getMessage("onboarding.report.unreadable", null, locale)));
    }

    private ResponseEntity<Map<String, Object>> refusal(SignupRefused refused, Locale locale) {
        String message = messages.getMessage(refused.messageKey(), null, locale);
        if (refused.supportReference() != null) {
            message += " "
                    + messages.getMessage(
                            "onboarding.support-reference", new Object[] {refused.supportReference()}, locale);
        }
        return ResponseEntity.unprocessableContent().body(Map.of("message", message));
    }

    private String cancelMessage(@Nullable String step, Locale locale) {
        String known = step == null ? "UNKNOWN" : step;
        String where = messages.getMessage(
                "onboarding.step." + known, null, messages.getMessage("onboarding.step.UNKNOWN", null, locale), locale);
        return messages.getMessage("onboarding.cancelled", new Object[] {where}, locale);
    }

    private static String text(@Nullable String value) {
        return value == null ? "—" : value;
    }
}
