package br.com.whatsappoficial.web;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The merchant's home (Painel): the WhatsApp Oficial integration's state at a glance. */
@Controller
class PainelController {

    private final ConnectedAccounts accounts;

    PainelController(ConnectedAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String painel(@AuthenticationPrincipal StoreUserPrincipal user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("overview", accounts.overview().orElse(null));
        return "painel";
    }
}
