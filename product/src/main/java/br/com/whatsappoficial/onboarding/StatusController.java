package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.SendingPauses;
import br.com.whatsappoficial.meta.MetaSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Step 3, Acompanhar o status: the full page, the panel that htmx refreshes every few seconds, and the
 * Painel's summary card.
 */
@Controller
@RequestMapping("/configuracoes/whatsapp-oficial/status")
class StatusController {

    private final ConnectedAccounts accounts;
    private final MetaSettings meta;
    private final SendingPauses pauses;
    private final AppDataSyncs appSyncs;

    StatusController(ConnectedAccounts accounts, MetaSettings meta, SendingPauses pauses, AppDataSyncs appSyncs) {
        this.appSyncs = appSyncs;
        this.accounts = accounts;
        this.meta = meta;
        this.pauses = pauses;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("overviews", accounts.overviews());
        model.addAttribute("sandbox", meta.sandbox());
        model.addAttribute("pauses", pauses.running());
        model.addAttribute("appSyncs", appSyncs.all());
        return "onboarding/status";
    }

    /** The WhatsApp Oficial card of the merchant's Painel: each number and its status, or how to start. */
    @GetMapping("/resumo")
    String summary(Model model) {
        model.addAttribute("overviews", accounts.overviews());
        return "onboarding/summary :: card";
    }

    @GetMapping("/painel")
    String panel(Model model) {
        model.addAttribute("overviews", accounts.overviews());
        model.addAttribute("sandbox", meta.sandbox());
        model.addAttribute("pauses", pauses.running());
        model.addAttribute("appSyncs", appSyncs.all());
        return "onboarding/status :: panel";
    }

    /** The merchant resumes a number the product paused after Meta's spam limit or policy block (admins only). */
    @PostMapping("/retomar")
    String resume(@RequestParam String phoneNumberId) {
        pauses.resume(phoneNumberId);
        return "redirect:/configuracoes/whatsapp-oficial/status";
    }
}
