package br.com.whatsappoficial.messaging;

import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The card of a coexistence number's answers from the WhatsApp Business app: the newest messages the
 * merchant sent from the app, each with the customer's 24 h window, which the status page loads by URL.
 */
@Controller
@RequestMapping("/configuracoes/whatsapp-oficial/aplicativo")
class AppEchoesController {

    static final int SHOWN = 10;

    private final AppEchoes echoes;
    private final Clock clock;

    AppEchoesController(AppEchoes echoes, Clock clock) {
        this.echoes = echoes;
        this.clock = clock;
    }

    @GetMapping("/cartao")
    String card(Model model) {
        model.addAttribute("echoes", echoes.recent(SHOWN));
        model.addAttribute("now", clock.instant());
        return "messaging/app-echoes :: card";
    }
}
