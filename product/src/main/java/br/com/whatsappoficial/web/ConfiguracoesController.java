package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.CreatedInvitation;
import br.com.whatsappoficial.store.InvitationRefused;
import br.com.whatsappoficial.store.Invitations;
import br.com.whatsappoficial.store.StoreRole;
import br.com.whatsappoficial.store.StoreTeam;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Configurações: the store's integrations (WhatsApp Oficial among them), its team and the team's invitations. */
@Controller
class ConfiguracoesController {

    private final StoreTeam team;
    private final Invitations invitations;

    ConfiguracoesController(StoreTeam team, Invitations invitations) {
        this.team = team;
        this.invitations = invitations;
    }

    /** What the admin typed into Equipe › Convidar. */
    record InviteForm(@Nullable String email, @Nullable StoreRole role) {}

    @GetMapping("/configuracoes")
    String configuracoes(Model model) {
        model.addAttribute("team", team.members());
        return "configuracoes";
    }

    /** Admins only (a filter rule refuses members every state-changing route). */
    @PostMapping("/configuracoes/equipe/convites")
    String invite(InviteForm form, @AuthenticationPrincipal StoreUserPrincipal admin, Model model) {
        try {
            CreatedInvitation created = invitations.invite(
                    admin,
                    form.email() == null ? "" : form.email(),
                    form.role() == null ? StoreRole.MEMBER : form.role());
            model.addAttribute("invitation", created);
            model.addAttribute(
                    "invitationLink",
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path("/convite/{token}")
                            .buildAndExpand(created.token().value())
                            .toUriString());
        } catch (InvitationRefused refused) {
            model.addAttribute("inviteError", refused.messageKey());
            model.addAttribute("inviteEmail", form.email());
        }
        return configuracoes(model);
    }
}
