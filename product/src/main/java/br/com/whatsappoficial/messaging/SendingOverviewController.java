package br.com.whatsappoficial.messaging;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Configurações › WhatsApp Oficial › Envios: the proactive budget of the last 24 h, the billable messages
 * by category, the last failures and a running campaign's end. Members see it (it only reads); the status
 * page loads the card, and this page is the card alone.
 */
@Controller
@RequestMapping(SendingOverviewController.PATH)
class SendingOverviewController {

    static final String PATH = "/configuracoes/whatsapp-oficial/envios";

    private final SendingOverviews overviews;

    SendingOverviewController(SendingOverviews overviews) {
        this.overviews = overviews;
    }

    @GetMapping
    String page(Model model, Locale locale) {
        model.addAttribute("overview", overviews.current(locale));
        return "messaging/sending";
    }

    @GetMapping("/cartao")
    String card(Model model, Locale locale) {
        model.addAttribute("overview", overviews.current(locale));
        return "messaging/sending :: card";
    }
}
