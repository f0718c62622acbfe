package br.com.whatsappoficial.webhook;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listeners did not finish: a listener that failed, or a processing
 * commit whose answer was lost (the connection dropped during COMMIT, so the row is DONE but the
 * after-commit delivery never ran). The event publication registry remembers them; this hands them
 * out again once they are older than a listener could still be working on them. Listeners are
 * idempotent, as a redelivery is possible.
 */
@Component
class IncompletePublications {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    IncompletePublications(
            IncompleteEventPublications incomplete, @Value("${webhook.resubmit-older-than:5m}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${webhook.resubmit-every:1m}")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }
}
