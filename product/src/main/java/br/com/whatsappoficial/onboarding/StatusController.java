package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.meta.MetaSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Step 3, Acompanhar o status: the full page, the panel that htmx refreshes every few seconds, and the
 * Painel's summary card.
 */
@Controller
@RequestMapping("/configuracoes/whatsapp-oficial/status")
class StatusController {

    private final ConnectedAccounts accounts;
    private final MetaSettings meta;

    StatusController(ConnectedAccounts accounts, MetaSettings meta) {
        this.accounts = accounts;
        this.meta = meta;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("overviews", accounts.overviews());
        model.addAttribute("sandbox", meta.sandbox());
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
        return "onboarding/status :: panel";
    }
}
