package br.com.whatsappoficial.messaging;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Configurações › WhatsApp Oficial › API › Avisos de status: the store's callback URL, its signing secret
 * (shown once, in the answer that generates it, like an API key) and the log of the last callbacks. Admins
 * only, as everything under the API page. The API page loads the card; this page is the card alone.
 */
@Controller
@RequestMapping(CallbacksController.PATH)
class CallbacksController {

    static final String PATH = "/configuracoes/whatsapp-oficial/api/avisos";
    private static final String HTMX = "HX-Request=true";
    private static final int LOG_SIZE = 20;

    private final CallbackEndpoints endpoints;
    private final CallbackUrls urls;
    private final CallbackLog log;
    private final CallbackDeliveries deliveries;

    CallbacksController(
            CallbackEndpoints endpoints, CallbackUrls urls, CallbackLog log, CallbackDeliveries deliveries) {
        this.endpoints = endpoints;
        this.urls = urls;
        this.log = log;
        this.deliveries = deliveries;
    }

    record UrlForm(@Nullable String url) {}

    /**
     * A refusal or an outcome to show, as a message key and its arguments.
     *
     * @param detailKey a second message saying why, when there is one
     */
    record Notice(
            String messageKey,
            List<Object> arguments,
            boolean ok,
            @Nullable String detailKey) {

        Notice(String messageKey, List<Object> arguments, boolean ok) {
            this(messageKey, arguments, ok, null);
        }
    }

    @GetMapping
    String page(Model model) {
        card(model);
        return "messaging/callbacks";
    }

    @GetMapping("/cartao")
    String cardOnly(Model model) {
        card(model);
        return "messaging/callbacks :: card";
    }

    @PostMapping
    String save(UrlForm form, Model model) {
        saveUrl(form, model);
        return "messaging/callbacks";
    }

    @PostMapping(headers = HTMX)
    String saveFromCard(UrlForm form, Model model) {
        saveUrl(form, model);
        return "messaging/callbacks :: card";
    }

    @PostMapping("/segredo")
    String rotate(Model model) {
        model.addAttribute("newSecret", endpoints.rotateSecret().value());
        card(model);
        return "messaging/callbacks";
    }

    @PostMapping(path = "/segredo", headers = HTMX)
    String rotateFromCard(Model model) {
        rotate(model);
        return "messaging/callbacks :: card";
    }

    @PostMapping("/teste")
    String test(Model model) {
        model.addAttribute("testNotice", notice(deliveries.test()));
        card(model);
        return "messaging/callbacks";
    }

    @PostMapping(path = "/teste", headers = HTMX)
    String testFromCard(Model model) {
        test(model);
        return "messaging/callbacks :: card";
    }

    private void saveUrl(UrlForm form, Model model) {
        String text = form.url() == null ? "" : form.url().strip();
        if (text.isEmpty()) {
            endpoints.saveUrl(null);
            model.addAttribute("urlNotice", new Notice("callbacks.url.removed", List.of(), true));
        } else {
            try {
                endpoints.saveUrl(urls.check(text));
                model.addAttribute("urlNotice", new Notice("callbacks.url.saved", List.of(), true));
            } catch (InvalidCallbackUrl invalid) {
                model.addAttribute("typedUrl", text);
                model.addAttribute("urlNotice", new Notice(invalid.messageKey(), invalid.arguments(), false));
            }
        }
        card(model);
    }

    private void card(Model model) {
        model.addAttribute("endpoint", endpoints.current());
        model.addAttribute("entries", log.recent(LOG_SIZE));
        model.addAttribute("maxUrl", CallbackUrl.MAX_LENGTH);
        model.addAttribute("urlRule", urls.ruleKey());
    }

    private static Notice notice(CallbackDeliveries.TestOutcome outcome) {
        if (outcome instanceof CallbackDeliveries.TestRefused refused) {
            return new Notice(refused.messageKey(), refused.arguments(), false);
        }
        CallbackDeliveries.TestAnswered test = (CallbackDeliveries.TestAnswered) outcome;
        if (test.answer() instanceof CallbackPoster.Answered answered) {
            return new Notice(
                    answered.accepted() ? "callbacks.test.accepted" : "callbacks.test.refused",
                    List.of(test.host(), answered.status()),
                    answered.accepted());
        }
        CallbackPoster.NoAnswer none = (CallbackPoster.NoAnswer) test.answer();
        return new Notice(
                "callbacks.test.no-answer",
                List.of(test.host()),
                false,
                "callbacks.error." + none.failure().code());
    }
}
