package br.com.metasandbox.state;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message template of a WABA as the sandbox keeps it (contract §10).
 *
 * @param components the components exactly as the caller sent them, as JSON text
 * @param rejectedReason Meta's reason of a rejection, {@code NONE} otherwise
 * @param reviewStatus the automatic review's decision while it is still due, null once it was taken
 */
public record MessageTemplate(
        String id,
        String wabaId,
        String name,
        String language,
        String category,
        @Nullable String parameterFormat,
        String components,
        String status,
        String rejectedReason,
        String qualityScore,
        @Nullable String reviewStatus,
        @Nullable String reviewReason,
        @Nullable String reviewCategory,
        @Nullable Instant reviewDueAt,
        Instant createdAt,
        Instant updatedAt) {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String PAUSED = "PAUSED";
    public static final String DISABLED = "DISABLED";

    public boolean underAutomaticReview() {
        return reviewStatus != null;
    }
}
