package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.StoreUserPrincipal;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Configurações › WhatsApp Oficial › Descadastros: the store's suppression list. Every member sees it;
 * only admins add or lift an entry (the pages' security rule for posts here), since a lifted customer
 * starts getting campaigns again.
 */
@Controller
@RequestMapping(OptOutsController.PATH)
class OptOutsController {

    static final String PATH = "/configuracoes/whatsapp-oficial/descadastros";
    private static final String HTMX = "HX-Request=true";

    private final OptOuts optOuts;
    private final Clock clock;

    OptOutsController(OptOuts optOuts, Clock clock) {
        this.optOuts = optOuts;
        this.clock = clock;
    }

    /** A number the merchant adds, as people write it. */
    record AddForm(@Nullable String number) {}

    /** The entry to lift, by the customer's key as the list shows it. */
    record LiftForm(@Nullable String customer) {}

    @GetMapping
    String page(Model model) {
        panel(model, null, null, null);
        return "messaging/opt-outs";
    }

    @PostMapping
    String add(AddForm form, @AuthenticationPrincipal StoreUserPrincipal admin, Model model) {
        addEntry(form, model);
        return "messaging/opt-outs";
    }

    @PostMapping(headers = HTMX)
    String addFromPanel(AddForm form, @AuthenticationPrincipal StoreUserPrincipal admin, Model model) {
        addEntry(form, model);
        return "messaging/opt-outs :: panel";
    }

    @PostMapping("/remover")
    String lift(LiftForm form, @AuthenticationPrincipal StoreUserPrincipal admin, Model model) {
        liftEntry(form, admin, model);
        return "messaging/opt-outs";
    }

    @PostMapping(path = "/remover", headers = HTMX)
    String liftFromPanel(LiftForm form, @AuthenticationPrincipal StoreUserPrincipal admin, Model model) {
        liftEntry(form, admin, model);
        return "messaging/opt-outs :: panel";
    }

    private void addEntry(AddForm form, Model model) {
        Optional<Recipient> recipient = form.number() == null ? Optional.empty() : Recipient.ofNumber(form.number());
        if (recipient.isEmpty()) {
            model.addAttribute("number", form.number());
            panel(model, null, null, "optouts.add.invalid");
            return;
        }
        optOuts.add(new OptOut(recipient.get().customer(), OptOutSource.MERCHANT, clock.instant(), null, null));
        panel(model, recipient.get().display(), null, null);
    }

    private void liftEntry(LiftForm form, StoreUserPrincipal admin, Model model) {
        Optional<OptOut> entry =
                form.customer() == null ? Optional.empty() : optOuts.find(new Customer(form.customer()));
        if (entry.isEmpty()) {
            // Another store's customer is as unknown here as one never on the list.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        optOuts.lift(entry.get().customer(), clock.instant(), admin.displayName());
        panel(model, null, entry.get().display(), null);
    }

    private void panel(Model model, @Nullable String added, @Nullable String lifted, @Nullable String error) {
        model.addAttribute("optOuts", optOuts.list());
        model.addAttribute("added", added);
        model.addAttribute("lifted", lifted);
        model.addAttribute("error", error);
    }
}
