package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.InvitationRefused;
import br.com.whatsappoficial.store.InvitationToken;
import br.com.whatsappoficial.store.Invitations;
import br.com.whatsappoficial.store.PendingInvitation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The invited person's page, before they have a login: the invitation's one-time link shows the store and
 * the e-mail, and sets the person's name and password.
 */
@Controller
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    /** What the invited person typed. */
    record AcceptForm(
            @Nullable String name,
            @Nullable String password,
            @Nullable String confirmation) {}

    @GetMapping("/convite/{token}")
    String invitation(@PathVariable String token, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        return page(pending(token), null, model, response);
    }

    @PostMapping("/convite/{token}")
    String accept(@PathVariable String token, AcceptForm form, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        Optional<PendingInvitation> pending = pending(token);
        if (pending.isEmpty()) {
            return page(pending, null, model, response);
        }
        String password = form.password() == null ? "" : form.password();
        if (!password.equals(form.confirmation())) {
            return page(pending, "invitation.passwords-differ", model, response);
        }
        try {
            invitations.accept(new InvitationToken(token), form.name() == null ? "" : form.name(), password);
        } catch (InvitationRefused refused) {
            return page(pending(token), refused.messageKey(), model, response);
        }
        return "redirect:/login?convite";
    }

    private Optional<PendingInvitation> pending(String token) {
        try {
            return invitations.pending(new InvitationToken(token));
        } catch (InvitationRefused malformed) {
            return Optional.empty();
        }
    }

    private static String page(
            Optional<PendingInvitation> pending, @Nullable String error, Model model, HttpServletResponse response) {
        if (pending.isEmpty()) {
            // used, expired or never made: the same answer, so a link tells nobody which
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("unknown", true);
        } else {
            model.addAttribute("invitation", pending.get());
            model.addAttribute("error", error);
        }
        return "invitation";
    }
}
