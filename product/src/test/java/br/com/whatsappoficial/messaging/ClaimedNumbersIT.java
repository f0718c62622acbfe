package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.SendingPause;
import br.com.whatsappoficial.account.SendingPauses;
import br.com.whatsappoficial.account.StoreNumber;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The numbers of one outbox claim read together across stores: each number's own pause and pace, never
 * another store's, and a pause that ended is no pause.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class ClaimedNumbersIT {

    @Autowired
    ClaimedNumbers claimed;

    @Autowired
    SendingPauses pauses;

    @Autowired
    NumberPace pace;

    @Autowired
    StoreDirectory stores;

    @Test
    void eachNumberOfAClaimIsReadAsItsOwnStoreLeftIt() {
        // at the database's precision, so that the pause read back equals the one written
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        StoreNumber paused = number("A");
        StoreNumber slowed = number("B");
        StoreNumber quiet = number("C");
        StoreNumber pausedLongAgo = number("D");
        SendingPause pause =
                CurrentStore.callAs(paused.store(), () -> pauses.pause(paused.phoneNumberId(), SendingPause.SPAM, now));
        CurrentStore.runAs(slowed.store(), () -> {
            pace.take(slowed.phoneNumberId(), 80, 1, now);
            pace.slowDown(slowed.phoneNumberId(), now, now);
        });
        CurrentStore.runAs(
                pausedLongAgo.store(),
                () -> pauses.pause(
                        pausedLongAgo.phoneNumberId(),
                        SendingPause.POLICY_BLOCK,
                        now.minus(SendingPauses.PAUSED_FOR).minusSeconds(1)));
        // Store B asking for store A's paused number is not store A's number: the pair decides, not the id.
        StoreNumber foreign = new StoreNumber(slowed.store(), paused.phoneNumberId());

        Map<StoreNumber, ClaimedNumbers.Standing> read =
                claimed.at(Set.of(paused, slowed, quiet, pausedLongAgo, foreign), now);

        assertThat(read.get(paused).pause()).contains(pause);
        assertThat(read.get(paused).pausedSoFar()).isZero();
        assertThat(read.get(slowed).pause()).isEmpty();
        assertThat(read.get(slowed).pausedSoFar()).isEqualTo(NumberPace.PAUSE);
        assertThat(read.get(quiet)).isEqualTo(new ClaimedNumbers.Standing(java.util.Optional.empty(), Duration.ZERO));
        assertThat(read.get(pausedLongAgo).pause()).isEmpty();
        assertThat(read.get(foreign).pause()).isEmpty();
        assertThat(claimed.at(Set.of(), now)).isEmpty();
    }

    private StoreNumber number(String label) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreId store =
                stores.create("Loja " + label + run, "Quem " + label, label + run + "@claim.example", "senha-c-123");
        return new StoreNumber(store, "claimed-" + label + run);
    }
}
