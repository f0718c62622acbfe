package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetCounterTest {

    static final Instant NINE = Instant.parse("2026-12-03T09:00:00Z");
    static final Instant TEN = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aDecisionThatChangesNothingWritesNothing() {
        assertThat(new BudgetCounter(5, NINE, 5, NINE).changed()).isFalse();
    }

    @Test
    void aNewCustomerCountsAndKeepsTheEarlierExpiry() {
        BudgetCounter counter = new BudgetCounter(5, NINE, 5, NINE).withNewCustomer(TEN);

        assertThat(counter.used()).isEqualTo(6);
        assertThat(counter.nextExpiry()).isEqualTo(NINE);
        assertThat(counter.changed()).isTrue();
    }

    @Test
    void theFirstCustomerSetsTheNextExpiry() {
        assertThat(new BudgetCounter(0, null, 0, null).withNewCustomer(TEN).nextExpiry())
                .isEqualTo(TEN);
    }

    @Test
    void forgettingTheExpiredMovesTheNextExpiryToTheEarliestLeft() {
        BudgetCounter counter = new BudgetCounter(5, NINE, 5, NINE).forgetting(2, TEN);

        assertThat(counter.used()).isEqualTo(3);
        assertThat(counter.nextExpiry()).isEqualTo(TEN);
        assertThat(counter.changed()).isTrue();
    }

    @Test
    void forgettingNothingWithTheSameExpiryChangesNothing() {
        assertThat(new BudgetCounter(5, NINE, 5, NINE).forgetting(0, NINE).changed())
                .isFalse();
    }
}
