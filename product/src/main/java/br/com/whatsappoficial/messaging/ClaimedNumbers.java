package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.account.RunningPauses;
import br.com.whatsappoficial.account.SendingPause;
import br.com.whatsappoficial.account.StoreNumber;
import br.com.whatsappoficial.store.CrossStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the outbox worker needs of the numbers whose messages it claimed, read for the whole claim in two
 * statements: whether each is paused and how long its pace has paused so far ({@link NumberPace}). Read per
 * number, they were two statements for nearly every message of campaigns spread over many stores, whose
 * claims hold one message of each number.
 */
@Component
@CrossStore("the outbox workers claim messages of every store; their numbers are read for the claim at once")
class ClaimedNumbers {

    /** A claimed number as the worker finds it: its running pause, if any, and its pace's pauses so far. */
    record Standing(Optional<SendingPause> pause, Duration pausedSoFar) {}

    private final JdbcClient jdbc;
    private final RunningPauses pauses;

    ClaimedNumbers(JdbcClient jdbc, RunningPauses pauses) {
        this.jdbc = jdbc;
        this.pauses = pauses;
    }

    /** Every one of {@code numbers} at {@code now}: a number the pace never saw has paused for nothing. */
    Map<StoreNumber, Standing> at(Set<StoreNumber> numbers, Instant now) {
        Map<StoreNumber, Duration> pausedSoFar = new HashMap<>();
        if (!numbers.isEmpty()) {
            jdbc.sql("""
                            select store_id, phone_number_id, paused_micros from messaging_number_pace
                            where store_id in (:stores) and phone_number_id in (:phones)""")
                    .param("stores", StoreNumber.stores(numbers))
                    .param("phones", StoreNumber.phones(numbers))
                    .query(rs -> {
                        pausedSoFar.put(StoreNumber.of(rs), Duration.ofNanos(rs.getLong("paused_micros") * 1_000));
                    });
        }
        Map<StoreNumber, SendingPause> paused = pauses.of(numbers, now);
        Map<StoreNumber, Standing> standings = new HashMap<>();
        for (StoreNumber number : numbers) {
            standings.put(
                    number,
                    new Standing(
                            Optional.ofNullable(paused.get(number)), pausedSoFar.getOrDefault(number, Duration.ZERO)));
        }
        return standings;
    }
}
