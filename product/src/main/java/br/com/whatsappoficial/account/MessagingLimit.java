package br.com.whatsappoficial.account;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The unique customers a portfolio may reach proactively per rolling 24 h, as Meta last reported it.
 *
 * @param tier Meta's name for it (TIER_250, TIER_2K, TIER_UNLIMITED...)
 * @param customers how many customers; null when unlimited
 */
public record MessagingLimit(String tier, @Nullable Integer customers) {

    public MessagingLimit {
        Objects.requireNonNull(tier, "tier");
        if (customers != null && customers < 0) {
            throw new IllegalArgumentException("A messaging limit is never negative: " + customers);
        }
    }

    public boolean unlimited() {
        return customers == null;
    }
}
