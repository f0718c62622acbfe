package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.StoreTeam;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Configurações: the store's integrations (WhatsApp Oficial among them) and its team. */
@Controller
class ConfiguracoesController {

    private final StoreTeam team;

    ConfiguracoesController(StoreTeam team) {
        this.team = team;
    }

    @GetMapping("/configuracoes")
    String configuracoes(Model model) {
        model.addAttribute("team", team.members());
        return "configuracoes";
    }
}
