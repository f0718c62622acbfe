package br.com.whatsappoficial.template;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A template of the store as the pages and the campaign API show it.
 *
 * @param previousCategory the category it had before Meta recategorised it, if Meta did
 * @param costlierCategory Meta moved it to MARKETING: each send now costs a marketing message
 * @param announcedCategory the category Meta announced it will move the template to, until it does
 * @param reason why Meta rejected, paused or disabled it; {@link RejectionReason#textKey()} explains it
 * @param statusDetail Meta's own words about the status, when it gave any
 * @param quality GREEN, YELLOW, RED or UNKNOWN; null before Meta rated it
 * @param updatedAt the last change Meta made to it
 * @param announcedAt when Meta's notice of {@code announcedCategory} arrived
 * @param announcedEffectiveAt when Meta said the announced category takes effect, if it said
 */
public record TemplateDetails(
        String id,
        String wabaId,
        String name,
        String language,
        @Nullable TemplateCategory category,
        @Nullable TemplateCategory previousCategory,
        boolean costlierCategory,
        @Nullable TemplateCategory announcedCategory,
        TemplateStatus status,
        @Nullable RejectionReason reason,
        @Nullable String statusDetail,
        @Nullable String quality,
        TemplateContent content,
        Instant updatedAt,
        @Nullable Instant announcedAt,
        @Nullable Instant announcedEffectiveAt) {

    /** The body's variables a send must fill, in order. */
    public List<String> variables() {
        return content.variables();
    }

    public ParameterFormat parameterFormat() {
        return content.format();
    }
}
