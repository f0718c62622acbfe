package br.com.whatsappoficial.webhook;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Support's page of quarantined events, the browser's side of {@link QuarantineController}. The
 * outcome of a replay travels in the redirect's query string, not in a flash attribute: this chain
 * keeps no session, and any node may serve the page that follows.
 */
@Controller
@RequestMapping("/webhooks/admin/quarentena")
class QuarantinePageController {

    static final int LIST_LIMIT = 100;

    private static final String LIST = "/webhooks/admin/quarentena";

    private final WebhookInbox inbox;
    private final InboxWorkers workers;

    QuarantinePageController(WebhookInbox inbox, InboxWorkers workers) {
        this.inbox = inbox;
        this.workers = workers;
    }

    /** A page of the list; {@code antes} (before) walks to older events, a page at a time. */
    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable Long antes,
            @RequestParam(required = false) @Nullable Long reprocessado,
            @RequestParam(required = false) @Nullable Long indisponivel,
            Model model) {
        // One more than a page tells whether older events remain.
        List<QuarantinedEvent> found = inbox.quarantined(LIST_LIMIT + 1, antes);
        List<QuarantinedEvent> page = found.subList(0, Math.min(found.size(), LIST_LIMIT));
        model.addAttribute("events", page);
        model.addAttribute("limit", LIST_LIMIT);
        model.addAttribute(
                "olderThan", found.size() > LIST_LIMIT ? page.getLast().id() : null);
        model.addAttribute("paged", antes != null);
        model.addAttribute("replayed", reprocessado);
        model.addAttribute("gone", indisponivel);
        return "webhook/quarantine";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) @Nullable String recusado, Model model) {
        var event = inbox.quarantined(id);
        if (event.isEmpty()) {
            return "redirect:" + LIST + "?indisponivel=" + id;
        }
        model.addAttribute("event", event.get());
        model.addAttribute(
                "payload",
                ReadablePayload.of(Objects.requireNonNullElse(event.get().payload(), "")));
        model.addAttribute("refused", recusado != null);
        return "webhook/quarantined-event";
    }

    /** A refused replay leads back to the event, which is still there; a vanished one, to the list. */
    @PostMapping("/{id}/reprocessar")
    String replay(@PathVariable long id) {
        if (inbox.replay(id)) {
            workers.wakeUp();
            return "redirect:" + LIST + "?reprocessado=" + id;
        }
        if (inbox.quarantined(id).isPresent()) {
            return "redirect:" + LIST + "/" + id + "?recusado";
        }
        return "redirect:" + LIST + "?indisponivel=" + id;
    }
}
