package br.com.whatsappoficial.account;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The portfolio's messaging limit as Meta names it (TIER_250 … TIER_UNLIMITED). Webhooks carry it as a
 * tier name or, in Meta's own example and in the legacy per-phone field, as a number of customers.
 */
final class MessagingTier {

    private static final Map<String, String> BY_COUNT = Map.of(
            "50", "TIER_50",
            "250", "TIER_250",
            "1000", "TIER_1K",
            "2000", "TIER_2K",
            "10000", "TIER_10K",
            "100000", "TIER_100K",
            "-1", "TIER_UNLIMITED");

    private MessagingTier() {}

    /** The tier name for Meta's value; empty for none, TIER_NOT_SET, or a value this release does not know. */
    static Optional<String> of(@Nullable String value) {
        if (value == null || value.isBlank() || "TIER_NOT_SET".equals(value)) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.startsWith("TIER_")) {
            return Optional.of(trimmed);
        }
        return Optional.ofNullable(BY_COUNT.get(trimmed));
    }

    /** What a tier name means in customers; empty for a tier this release does not know. */
    static Optional<MessagingLimit> limit(@Nullable String tier) {
        return of(tier).flatMap(name -> {
            if ("TIER_UNLIMITED".equals(name)) {
                return Optional.of(new MessagingLimit(name, null));
            }
            return BY_COUNT.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(name))
                    .findFirst()
                    .map(entry -> new MessagingLimit(name, Integer.valueOf(entry.getKey())));
        });
    }
}
