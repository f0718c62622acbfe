package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.StoreUserPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The merchant's home (Painel); each capability's card is loaded from the module that owns it. */
@Controller
class PainelController {

    @GetMapping("/")
    String painel(@AuthenticationPrincipal StoreUserPrincipal user, Model model) {
        model.addAttribute("user", user);
        return "painel";
    }
}
