package br.com.whatsappoficial.webhook;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support's view of quarantined webhook events: list, inspect, replay once the cause is fixed.
 * Replaying a malformed body is refused: its bytes cannot become readable.
 */
@RestController
@RequestMapping("/webhooks/admin/quarantine")
class QuarantineController {

    private final WebhookInbox inbox;
    private final InboxWorkers workers;

    QuarantineController(WebhookInbox inbox, InboxWorkers workers) {
        this.inbox = inbox;
        this.workers = workers;
    }

    /** Newest first; {@code before} (an event id) gives the page after the one that ended with it. */
    @GetMapping
    List<QuarantinedEvent> list(
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) @Nullable Long before) {
        return inbox.quarantined(Math.clamp(limit, 1, 1000), before);
    }

    @GetMapping("/{id}")
    ResponseEntity<QuarantinedEvent> inspect(@PathVariable long id) {
        return ResponseEntity.of(inbox.quarantined(id));
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<Void> replay(@PathVariable long id) {
        if (!inbox.replay(id)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        workers.wakeUp();
        return ResponseEntity.accepted().build();
    }
}
