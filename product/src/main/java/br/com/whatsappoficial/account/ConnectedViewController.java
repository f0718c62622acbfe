package br.com.whatsappoficial.account;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The WhatsApp Oficial card of Configurações: how to start while nothing is connected, and once a
 * number is, the connected view — its status, WABA and active number, and one card per capability that
 * each module serves itself (the page knows their URLs, not their code).
 */
@Controller
class ConnectedViewController {

    private final ConnectedAccounts accounts;

    ConnectedViewController(ConnectedAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/configuracoes/whatsapp-oficial/cartao")
    String card(Model model) {
        var overviews = accounts.overviews();
        if (overviews.isEmpty()) {
            return "account/connected :: not-connected";
        }
        model.addAttribute("overviews", overviews);
        model.addAttribute("active", activeNumber(overviews));
        model.addAttribute(
                "numberCount",
                overviews.stream().mapToInt(o -> o.numbers().size()).sum());
        return "account/connected :: connected";
    }

    /** Admins only (a filter rule refuses members every state-changing route). */
    @PostMapping("/configuracoes/whatsapp-oficial/numero-ativo")
    String activate(@RequestParam String phoneNumberId, RedirectAttributes redirect) {
        try {
            accounts.activate(phoneNumberId);
            redirect.addFlashAttribute("connectedNotice", "connected.activate.done");
        } catch (NumberNotActivatable refused) {
            redirect.addFlashAttribute("connectedError", refused.messageKey());
        }
        return "redirect:/configuracoes#whatsapp-oficial";
    }

    /** The number campaigns use: the one marked active, else the first that Meta has not refused. */
    private static Optional<ConnectedNumber> activeNumber(java.util.List<AccountOverview> overviews) {
        var numbers = overviews.stream().flatMap(o -> o.numbers().stream()).toList();
        return numbers.stream()
                .filter(ConnectedNumber::active)
                .findFirst()
                .or(() -> numbers.stream()
                        .filter(n -> n.verdict().status().sends())
                        .findFirst());
    }
}
