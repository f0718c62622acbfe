package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.account.SendingPause;
import br.com.whatsappoficial.account.SendingPauses;
import br.com.whatsappoficial.account.SendingResumed;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The outbox side of a paused number: its queued messages wait, none failed and none counted as an attempt,
 * until the pause ends or the merchant resumes the number. Kept in the outbox rows every node claims from, so
 * no node's worker sends from the number meanwhile.
 */
@Component
class PausedNumbers {

    private final SendingPauses pauses;
    private final StoreScopedJdbc jdbc;
    private final Clock clock;

    PausedNumbers(SendingPauses pauses, StoreScopedJdbc jdbc, Clock clock) {
        this.pauses = pauses;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The current store's number's running pause, if any. */
    Optional<SendingPause> pause(String phoneNumberId, Instant now) {
        return pauses.current(phoneNumberId, now);
    }

    /**
     * Meta refused a send of the number for spam or a policy block: the number pauses, and this message and
     * every other one of the number that no worker holds wait in the outbox until the pause ends.
     */
    SendingPause pauseAfter(MessageId refused, String phoneNumberId, int metaCode, Instant now) {
        SendingPause pause = pauses.pause(phoneNumberId, metaCode, now);
        jdbc.sql("""
                        update messaging_outbox set due_at = :until, slot_at = null, in_flight = false
                        where store_id = :storeId and (message_id = :id or (phone_number_id = :phone and not in_flight))""")
                .param("until", utc(pause.until()))
                .param("id", refused.value())
                .param("phone", phoneNumberId)
                .update();
        return pause;
    }

    /** Messages claimed while their number is paused go back to wait for the pause's end. */
    void waitFor(SendingPause pause, Collection<MessageId> messages) {
        for (MessageId message : messages) {
            jdbc.sql("""
                            update messaging_outbox set due_at = :until, slot_at = null, in_flight = false
                            where store_id = :storeId and message_id = :id""")
                    .param("until", utc(pause.until()))
                    .param("id", message.value())
                    .update();
        }
    }

    /** The merchant resumed the number: its waiting messages are due now. */
    @EventListener
    void resumed(SendingResumed resumed) {
        CurrentStore.runAs(
                resumed.store(),
                () -> jdbc.sql("""
                        update messaging_outbox set due_at = :now, slot_at = null
                        where store_id = :storeId and phone_number_id = :phone and not in_flight and due_at > :now""")
                        .param("now", utc(clock.instant()))
                        .param("phone", resumed.phoneNumberId())
                        .update());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
