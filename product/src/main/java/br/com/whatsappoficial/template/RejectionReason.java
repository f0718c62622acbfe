package br.com.whatsappoficial.template;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Why Meta rejected (or paused) a template, in Meta's words, with our explanation and what to change.
 * A reason Meta adds later is shown as it came, with the generic advice.
 */
public record RejectionReason(String value) {

    private static final Set<String> EXPLAINED = Set.of(
            "ABUSIVE_CONTENT",
            "CATEGORY_NOT_AVAILABLE",
            "INCORRECT_CATEGORY",
            "INVALID_FORMAT",
            "PROMOTIONAL",
            "SCAM",
            "TAG_CONTENT_MISMATCH");

    public RejectionReason {
        value = value.strip().toUpperCase(Locale.ROOT);
    }

    /** Meta writes {@code NONE} (or nothing) when there is no reason. */
    static Optional<RejectionReason> fromMeta(@Nullable String value) {
        if (value == null || value.isBlank() || "NONE".equalsIgnoreCase(value.strip())) {
            return Optional.empty();
        }
        return Optional.of(new RejectionReason(value));
    }

    public boolean explained() {
        return EXPLAINED.contains(value);
    }

    /** What the reason means, in the merchant's words. */
    public String textKey() {
        return "template.rejection." + (explained() ? value : "OTHER") + ".text";
    }

    /** What to change before sending it again. */
    public String fixKey() {
        return "template.rejection." + (explained() ? value : "OTHER") + ".fix";
    }

    @Override
    public String toString() {
        return value;
    }
}
