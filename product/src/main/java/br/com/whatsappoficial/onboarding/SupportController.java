package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.ConnectedAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Falar com o suporte": what a support agent (the platform's or Meta's) needs to find the store's case —
 * WABA IDs, number ids, statuses and Meta's latest words — in one block to copy, and the platform's support
 * channel when one is configured.
 */
@Controller
class SupportController {

    /** The last timeline lines worth sending: enough for Meta's recent decisions, short enough to read. */
    static final int RECENT_EVENTS = 8;

    private final ConnectedAccounts accounts;
    private final OnboardingSettings settings;

    SupportController(ConnectedAccounts accounts, OnboardingSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @GetMapping("/configuracoes/whatsapp-oficial/suporte")
    String page(Model model) {
        model.addAttribute("overviews", accounts.overviews());
        model.addAttribute("recentEvents", RECENT_EVENTS);
        model.addAttribute("supportUrl", settings.supportUrl());
        return "onboarding/support";
    }
}
