package br.com.metasandbox.state;

import java.time.Instant;

/** A business portfolio as the sandbox keeps it. */
public record Business(
        String id,
        String name,
        String systemUserId,
        String verificationStatus,
        String messagingLimit,
        Instant createdAt) {

    /** The portfolio messaging limits since October 2025 [doc], in order. */
    public static final java.util.List<String> MESSAGING_LIMITS =
            java.util.List.of("TIER_250", "TIER_2K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED");

    /**
     * How many unique customers the portfolio may reach outside their customer service window in a rolling
     * 24 h: the number its limit is named after, none for TIER_UNLIMITED [doc].
     */
    public long uniqueRecipientCap() {
        return switch (messagingLimit) {
            case "TIER_250" -> 250;
            case "TIER_2K" -> 2_000;
            case "TIER_10K" -> 10_000;
            case "TIER_100K" -> 100_000;
            default -> Long.MAX_VALUE;
        };
    }
}
