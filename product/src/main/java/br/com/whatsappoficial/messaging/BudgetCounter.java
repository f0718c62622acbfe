package br.com.whatsappoficial.messaging;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A portfolio's counter row of the proactive budget as {@link ProactiveBudget} locked it, and as its
 * decision leaves it: written back only when something changed.
 *
 * @param nextExpiry no counted customer's 24 h ends before it; null when not known
 */
record BudgetCounter(
        int storedUsed,
        @Nullable Instant storedNextExpiry,
        int used,
        @Nullable Instant nextExpiry) {

    BudgetCounter forgetting(int expired, @Nullable Instant earliest) {
        return new BudgetCounter(storedUsed, storedNextExpiry, used - expired, earliest);
    }

    BudgetCounter withNewCustomer(Instant countedUntil) {
        Instant next = nextExpiry == null || countedUntil.isBefore(nextExpiry) ? countedUntil : nextExpiry;
        return new BudgetCounter(storedUsed, storedNextExpiry, used + 1, next);
    }

    /** One customer fewer; the next expiry stays a lower bound for the others. */
    BudgetCounter withoutOne() {
        return new BudgetCounter(storedUsed, storedNextExpiry, used - 1, nextExpiry);
    }

    boolean changed() {
        return used != storedUsed || !Objects.equals(nextExpiry, storedNextExpiry);
    }
}
