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
}
