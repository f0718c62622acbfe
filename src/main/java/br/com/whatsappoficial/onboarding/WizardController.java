package br.com.whatsappoficial.onboarding;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The WhatsApp Oficial wizard, opened by "Abrir" under Configurações. */
@Controller
@RequestMapping("/configuracoes/whatsapp-oficial")
class WizardController {

    /** "Abrir" lands on step 1; later steps are reached from there. */
    @GetMapping
    String open() {
        return "redirect:/configuracoes/whatsapp-oficial/orientacoes";
    }

    /** Step 1, Orientações gerais: good practices, Meta's policies and the prerequisites. */
    @GetMapping("/orientacoes")
    String guidance() {
        return "onboarding/guidance";
    }
}
