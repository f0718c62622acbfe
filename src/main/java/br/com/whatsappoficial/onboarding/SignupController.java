package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.ConnectOutcome;
import br.com.whatsappoficial.meta.MetaSettings;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
     * What the launcher reports: FINISH with the code (exchanged here at once), or CANCEL/ERROR, which
     * only need a pt-BR explanation. The answer is JSON for the launcher's script.
     */
    @PostMapping("/conexao")
    @ResponseBody
    ResponseEntity<Map<String, String>> report(@RequestBody SignupReport report, Locale locale) {
        return switch (report.outcome()) {
            case FINISH -> finish(report, locale);
            case CANCEL -> ResponseEntity.ok(Map.of("message", cancelMessage(report.currentStep(), locale)));
            case ERROR ->
                ResponseEntity.ok(Map.of(
                        "message",
                        messages.getMessage(
                                "onboarding.error",
                                new Object[] {text(report.errorMessage()), text(report.errorId())},
                                locale)));
        };
    }

    private ResponseEntity<Map<String, String>> finish(SignupReport report, Locale locale) {
        if (report.code() == null || report.code().isBlank()) {
            return ResponseEntity.unprocessableContent()
                    .body(Map.of("message", messages.getMessage("onboarding.refused.no-code", null, locale)));
        }
        try {
            ConnectOutcome outcome = completion.complete(report.finished());
            log.info("Embedded Signup finished: {}", outcome);
            return ResponseEntity.ok(Map.of("redirect", "/configuracoes/whatsapp-oficial/status"));
        } catch (SignupRefused refused) {
            String message = messages.getMessage(refused.messageKey(), null, locale);
            if (refused.supportReference() != null) {
                message += " "
                        + messages.getMessage(
                                "onboarding.support-reference", new Object[] {refused.supportReference()}, locale);
            }
            return ResponseEntity.unprocessableContent().body(Map.of("message", message));
        }
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
