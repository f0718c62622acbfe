package br.com.whatsappoficial.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of an account's timeline; {@code detail} holds Meta's own words or values (a reason, a tier). */
public record TimelineEntry(
        Instant occurredAt,
        TimelineKind kind,
        @Nullable String phoneNumberId,
        @Nullable String detail) {}
