package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.account.ConnectedAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The WhatsApp Oficial wizard, opened by "Abrir" under Configurações. */
@Controller
@RequestMapping("/configuracoes/whatsapp-oficial")
class WizardController {

    private final ConnectedAccounts accounts;

    WizardController(ConnectedAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * "Abrir" lands on step 1 while the store has nothing connected, and on the status (step 3) once it
     * has: a returning merchant comes to see how the number is doing, not to read the guidance again.
     */
    @GetMapping
    String open() {
        return accounts.anyConnected()
                ? "redirect:/configuracoes/whatsapp-oficial/status"
                : "redirect:/configuracoes/whatsapp-oficial/orientacoes";
    }

    /** Step 1, Orientações gerais: good practices, Meta's policies and the prerequisites. */
    @GetMapping("/orientacoes")
    String guidance() {
        return "onboarding/guidance";
    }
}
