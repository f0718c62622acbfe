package br.com.whatsappoficial.account;

import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current store's numbers paused after Meta refused a send for spam or a policy block, kept in the
 * database so that every node's workers see the same pause.
 */
@Component
public class SendingPauses {

    /**
     * How long a pause lasts unless the merchant resumes it first: Meta lifts a spam limit or a temporary
     * block on its own after about a day, and a send into a standing limit only deepens it.
     */
    public static final Duration PAUSED_FOR = Duration.ofHours(24);

    private final StoreScopedJdbc jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SendingPauses(StoreScopedJdbc jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Pauses the number from {@code now}; a later refusal starts the pause again. */
    @Transactional
    public SendingPause pause(String phoneNumberId, int metaCode, Instant now) {
        SendingPause pause = new SendingPause(phoneNumberId, metaCode, now, now.plus(PAUSED_FOR));
        // An update, then an insert: H2's PostgreSQL mode has no "on conflict do update".
        int updated = jdbc.sql("""
                        update sending_pauses set meta_code = :code, paused_at = :at, until_at = :until
                        where store_id = :storeId and phone_number_id = :phone""")
                .param("phone", phoneNumberId)
                .param("code", metaCode)
                .param("at", utc(now))
                .param("until", utc(pause.until()))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into sending_pauses (phone_number_id, store_id, meta_code, paused_at, until_at)
                            values (:phone, :storeId, :code, :at, :until) on conflict do nothing""")
                    .param("phone", phoneNumberId)
                    .param("code", metaCode)
                    .param("at", utc(now))
                    .param("until", utc(pause.until()))
                    .update();
        }
        return pause;
    }

    /** The merchant resumes the number: its waiting messages go out again. */
    @Transactional
    public boolean resume(String phoneNumberId) {
        int removed = jdbc.sql("delete from sending_pauses where store_id = :storeId and phone_number_id = :phone")
                .param("phone", phoneNumberId)
                .update();
        if (removed > 0) {
            events.publishEvent(new SendingResumed(CurrentStore.require(), phoneNumberId));
        }
        return removed > 0;
    }

    /** The number's pause, if one is still running at {@code now}. */
    public Optional<SendingPause> current(String phoneNumberId, Instant now) {
        return jdbc.sql("""
                        select * from sending_pauses
                        where store_id = :storeId and phone_number_id = :phone and until_at > :now""")
                .param("phone", phoneNumberId)
                .param("now", utc(now))
                .query(SendingPauses::pause)
                .optional();
    }

    /** The store's running pauses by number, for the status page. */
    public Map<String, SendingPause> running() {
        return jdbc
                .sql("select * from sending_pauses where store_id = :storeId and until_at > :now")
                .param("now", utc(clock.instant()))
                .query(SendingPauses::pause)
                .list()
                .stream()
                .collect(Collectors.toMap(SendingPause::phoneNumberId, Function.identity()));
    }

    /** A pause as a row of {@code sending_pauses} holds it. */
    static SendingPause pause(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SendingPause(
                rs.getString("phone_number_id"),
                rs.getInt("meta_code"),
                rs.getObject("paused_at", OffsetDateTime.class).toInstant(),
                rs.getObject("until_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
