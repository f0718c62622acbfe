package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.CreatedInvitation;
import br.com.whatsappoficial.store.InvitationId;
import br.com.whatsappoficial.store.InvitationRefused;
import br.com.whatsappoficial.store.Invitations;
import br.com.whatsappoficial.store.StoreRole;
import br.com.whatsappoficial.store.StoreTeam;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import br.com.whatsappoficial.store.TeamInvitations;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Configurações: the store's integrations (WhatsApp Oficial among them), its team and the team's invitations. */
@Controller
class ConfiguracoesController {

    private final StoreTeam team;
    private final Invitations invitations;
    private final TeamInvitations openInvitations;

    ConfiguracoesController(StoreTeam team, Invitations invitations, TeamInvitations openInvitations) {
        this.team = team;
        this.invitations = invitations;
        this.openInvitations = openInvitations;
    }

    /** What the admin typed into Equipe › Convidar. */
    record InviteForm(@Nullable String email, @Nullable StoreRole role) {}

    @GetMapping("/configuracoes")
    String configuracoes(@AuthenticationPrincipal StoreUserPrincipal user, Model model) {
        model.addAttribute("team", team.members());
        // Only admins invite, so only they see who was invited and may revoke it.
        if (user.role() == StoreRole.ADMIN) {
            model.addAttribute("openInvitations", openInvitations.open());
        }
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
        return configuracoes(admin, model);
    }

    /**
     * Admins only, as every state-changing route. An invitation that is not open (used, expired, revoked
     * in another tab, another store's, or no invitation at all) is 404, with the page saying so.
     */
    @PostMapping("/configuracoes/equipe/convites/{id}/revogar")
    String revoke(
            @PathVariable String id,
            @AuthenticationPrincipal StoreUserPrincipal admin,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        Optional<String> revoked = InvitationId.parse(id).flatMap(openInvitations::revoke);
        if (revoked.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("inviteError", "team.invitations.gone");
            return configuracoes(admin, model);
        }
        redirect.addFlashAttribute("revokedInvitation", revoked.get());
        return "redirect:/configuracoes#convites";
    }
}
