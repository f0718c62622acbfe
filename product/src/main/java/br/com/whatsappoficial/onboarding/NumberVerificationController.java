package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.meta.CodeMethod;
import br.com.whatsappoficial.meta.InvalidMetaId;
import br.com.whatsappoficial.meta.PhoneNumberId;
import br.com.whatsappoficial.onboarding.VerificationRefused.Reason;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Step 3's "Confirme a posse do número": asks Meta for the ownership code of a number that left Embedded
 * Signup unverified, then confirms the code the merchant typed. Both answer with the number's
 * verification box, which htmx swaps in place; a confirmed number also tells the status panel to refresh.
 */
@Controller
@RequestMapping("/configuracoes/whatsapp-oficial/status/numeros/{phoneNumberId}")
class NumberVerificationController {

    /** The event the status panel listens for, so a confirmed number shows as registering at once. */
    static final String VERIFIED_EVENT = "number-verified";

    record CodeRequestForm(@Nullable String method) {}

    record CodeForm(@Nullable String code) {}

    private final NumberVerification verification;
    private final ConnectedAccounts accounts;
    private final MessageSource messages;

    NumberVerificationController(NumberVerification verification, ConnectedAccounts accounts, MessageSource messages) {
        this.verification = verification;
        this.accounts = accounts;
        this.messages = messages;
    }

    @PostMapping("/codigo")
    String requestCode(@PathVariable String phoneNumberId, CodeRequestForm form, Model model, Locale locale) {
        return answer(phoneNumberId, model, locale, id -> {
            model.addAttribute("chosenMethod", form.method());
            CodeMethod method = method(form.method());
            verification.requestCode(id, method);
            model.addAttribute("notice", sentNotice(id, method, locale));
            model.addAttribute("noticeKind", "success");
            model.addAttribute("waitSeconds", NumberVerification.CODE_REQUEST_INTERVAL.toSeconds());
        });
    }

    @PostMapping("/confirmacao")
    String verify(
            @PathVariable String phoneNumberId,
            CodeForm form,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        return answer(phoneNumberId, model, locale, id -> {
            verification.verify(id, OwnershipCode.typed(form.code()));
            model.addAttribute("verified", true);
            response.setHeader("HX-Trigger", VERIFIED_EVENT);
        });
    }

    /**
     * Another store's number, or an id that is no number at all: answered like a page that does not exist,
     * so that a merchant learns nothing about numbers that are not theirs. Every other refusal is shown in
     * the box.
     */
    @ExceptionHandler({InvalidMetaId.class, VerificationRefused.class})
    ResponseEntity<Void> unknownNumber() {
        return ResponseEntity.notFound().build();
    }

    private String answer(String rawId, Model model, Locale locale, Consumer<PhoneNumberId> action) {
        PhoneNumberId id = new PhoneNumberId(rawId);
        try {
            action.accept(id);
        } catch (VerificationRefused refused) {
            if (refused.reason() == Reason.UNKNOWN_NUMBER) {
                throw refused;
            }
            model.addAttribute("notice", refusalText(refused, locale));
            model.addAttribute("noticeKind", "error");
            if (refused.reason() == Reason.WAIT_BEFORE_NEW_CODE) {
                model.addAttribute("waitSeconds", refused.secondsLeft());
            }
        }
        model.addAttribute(
                "number",
                accounts.number(id.value()).orElseThrow(() -> new VerificationRefused(Reason.UNKNOWN_NUMBER)));
        return "onboarding/verification :: verification";
    }

    private static CodeMethod method(@Nullable String typed) {
        if ("SMS".equals(typed)) {
            return CodeMethod.SMS;
        }
        if ("VOICE".equals(typed)) {
            return CodeMethod.VOICE;
        }
        throw new VerificationRefused(Reason.NO_METHOD);
    }

    private String sentNotice(PhoneNumberId id, CodeMethod method, Locale locale) {
        String number = accounts.number(id.value())
                .map(found -> found.number().display())
                .orElse("");
        return messages.getMessage(
                "verification.sent." + method.name().toLowerCase(Locale.ROOT), new Object[] {number}, locale);
    }

    private String refusalText(VerificationRefused refused, Locale locale) {
        String text = messages.getMessage(refused.reason().messageKey(), new Object[] {refused.secondsLeft()}, locale);
        if (refused.supportReference() != null && refused.reason() == Reason.META_REFUSED) {
            text += " "
                    + messages.getMessage(
                            "onboarding.support-reference", new Object[] {refused.supportReference()}, locale);
        }
        return text;
    }
}
