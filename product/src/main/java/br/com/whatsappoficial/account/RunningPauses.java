package br.com.whatsappoficial.account;

import br.com.whatsappoficial.store.CrossStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The running pauses ({@link SendingPauses}) of numbers of several stores, read at once: the outbox workers
 * claim every store's due messages together, and reading each number's pause on its own cost a statement
 * for almost every message of a campaign spread over many stores.
 */
@Component
@CrossStore("the outbox workers claim messages of every store; the pauses of the claimed numbers are read in one go")
public class RunningPauses {

    private final JdbcClient jdbc;

    RunningPauses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each of {@code numbers} paused at {@code now}, with its pause; the others are not in it. */
    public Map<StoreNumber, SendingPause> of(Collection<StoreNumber> numbers, Instant now) {
        Map<StoreNumber, SendingPause> running = new HashMap<>();
        if (numbers.isEmpty()) {
            return running;
        }
        jdbc.sql("""
                        select store_id, phone_number_id, meta_code, paused_at, until_at from sending_pauses
                        where store_id in (:stores) and phone_number_id in (:phones) and until_at > :now""")
                .param("stores", StoreNumber.stores(numbers))
                .param("phones", StoreNumber.phones(numbers))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(rs -> {
                    StoreNumber number = StoreNumber.of(rs);
                    // Store and number were matched apart: only the pairs asked for count.
                    if (numbers.contains(number)) {
                        running.put(number, SendingPauses.pause(rs, 0));
                    }
                });
        return running;
    }
}
