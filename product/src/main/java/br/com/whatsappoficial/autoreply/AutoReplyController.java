package br.com.whatsappoficial.autoreply;

import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Configurações › WhatsApp Oficial › Resposta automática: the settings with a live preview, the history of
 * what was and was not sent, and the card of the connected view. Every member sees them; only admins save
 * (the pages' security rule for posts), since the reply speaks for the store.
 */
@Controller
@RequestMapping(AutoReplyController.PATH)
class AutoReplyController {

    static final String PATH = "/configuracoes/whatsapp-oficial/resposta-automatica";
    private static final String HTMX = "HX-Request=true";
    static final int PAGE_SIZE = 20;

    private final SavedSettings saved;
    private final ReplyHistory history;
    private final MetaSettings meta;
    private final Clock clock;

    AutoReplyController(SavedSettings saved, ReplyHistory history, MetaSettings meta, Clock clock) {
        this.saved = saved;
        this.history = history;
        this.meta = meta;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(name = "pagina", defaultValue = "1") int page, Model model) {
        SettingsForm form = saved.find().map(SettingsForm::of).orElseGet(SettingsForm::initial);
        form(model, form, Map.of(), false);
        model.addAttribute("history", history.page(page, PAGE_SIZE));
        return "autoreply/page";
    }

    @PostMapping
    String save(
            @RequestParam MultiValueMap<String, String> posted,
            @AuthenticationPrincipal StoreUserPrincipal admin,
            Model model) {
        SettingsForm form = SettingsForm.of(posted);
        Map<String, String> errors = switch (form.toSettings(meta.sandbox())) {
            case SettingsForm.Result.Valid valid -> {
                saved.save(valid.settings(), admin.displayName(), clock.instant());
                yield Map.of();
            }
            case SettingsForm.Result.Refused refused -> refused.errors();
        };
        form(model, form, errors, errors.isEmpty());
        model.addAttribute("history", history.page(1, PAGE_SIZE));
        return "autoreply/page";
    }

    /** The bubble as the customer would see it, redrawn while the merchant types. */
    @PostMapping("/previa")
    String preview(@RequestParam MultiValueMap<String, String> posted, Model model) {
        form(model, SettingsForm.of(posted), Map.of(), false);
        return "autoreply/page :: preview";
    }

    @GetMapping(path = "/historico", headers = HTMX)
    String historyPage(@RequestParam(name = "pagina", defaultValue = "1") int page, Model model) {
        model.addAttribute("history", history.page(page, PAGE_SIZE));
        return "autoreply/page :: history";
    }

    /** The capability's card on the connected view. */
    @GetMapping("/cartao")
    String card(Model model) {
        model.addAttribute("settings", saved.find().orElse(null));
        model.addAttribute(
                "answeredToday", history.answeredSince(clock.instant().minus(Duration.ofHours(24))));
        return "autoreply/card";
    }

    private void form(Model model, SettingsForm form, Map<String, String> errors, boolean saved) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("days", List.of(DayOfWeek.values()));
        model.addAttribute("modes", List.of(ReplyMode.values()));
        model.addAttribute("previewUrl", form.previewUrl(meta.sandbox()).orElse(null));
        model.addAttribute("httpsOnly", !meta.sandbox());
        model.addAttribute("limits", Map.of("body", ReplyText.MOST, "label", ButtonLabel.MOST));
    }
}
