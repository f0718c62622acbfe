package br.com.whatsappoficial.template;

import br.com.whatsappoficial.meta.MessageTemplateId;
import br.com.whatsappoficial.meta.WabaId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One of the store's templates at Meta, and the rules of how Meta's news about it apply. Meta's
 * webhooks come more than once and in any order, so every change carries the time Meta sent it: news
 * older than what the template already shows is ignored, a repeat changes nothing, and nothing
 * brings a deleted template back.
 */
final class Template {

    private final MessageTemplateId id;
    private final WabaId waba;
    private final TemplateName name;
    private final TemplateLanguage language;
    private @Nullable TemplateCategory category;
    private @Nullable TemplateCategory previousCategory;
    private Instant categoryAt;
    private @Nullable TemplateCategory announcedCategory;
    private @Nullable Instant announcedAt;
    private @Nullable Instant announcedEffectiveAt;
    private TemplateContent content;
    private TemplateStatus status;
    private @Nullable RejectionReason reason;
    private @Nullable String statusDetail;
    private Instant statusAt;
    private @Nullable String quality;
    private Instant qualityAt;
    private Instant updatedAt;

    Template(
            MessageTemplateId id,
            WabaId waba,
            TemplateName name,
            TemplateLanguage language,
            @Nullable TemplateCategory category,
            @Nullable TemplateCategory previousCategory,
            Instant categoryAt,
            @Nullable TemplateCategory announcedCategory,
            @Nullable Instant announcedAt,
            @Nullable Instant announcedEffectiveAt,
            TemplateContent content,
            TemplateStatus status,
            @Nullable RejectionReason reason,
            @Nullable String statusDetail,
            Instant statusAt,
            @Nullable String quality,
            Instant qualityAt,
            Instant updatedAt) {
        this.id = id;
        this.waba = waba;
        this.name = name;
        this.language = language;
        this.category = category;
        this.previousCategory = previousCategory;
        this.categoryAt = categoryAt;
        this.announcedCategory = announcedCategory;
        this.announcedAt = announcedAt;
        this.announcedEffectiveAt = announcedEffectiveAt;
        this.content = content;
        this.status = status;
        this.reason = reason;
        this.statusDetail = statusDetail;
        this.statusAt = statusAt;
        this.quality = quality;
        this.qualityAt = qualityAt;
        this.updatedAt = updatedAt;
    }

    /** A template Meta just accepted for review, or first seen in a webhook or a sync, as of {@code at}. */
    static Template known(
            MessageTemplateId id,
            WabaId waba,
            TemplateName name,
            TemplateLanguage language,
            @Nullable TemplateCategory category,
            TemplateContent content,
            TemplateStatus status,
            Instant at) {
        return new Template(
                id, waba, name, language, category, null, at, null, null, null, content, status, null, null, at, null,
                at, at);
    }

    /**
     * Meta's status as of {@code at}; true when it changed what the merchant sees. A decision and a
     * "back to review" sent in the same second: the decision wins, since Meta reviews after a submission.
     */
    boolean statusReported(
            TemplateStatus reported, @Nullable RejectionReason why, @Nullable String detail, Instant at) {
        if (status.terminal() || at.isBefore(statusAt)) {
            return false;
        }
        if (reported.equals(status)) {
            if (why != null && reason == null && explainsRefusal(reported)) {
                reason = why;
                statusDetail = detail;
                return true;
            }
            return false;
        }
        if (at.equals(statusAt) && reported.underReview() && !status.underReview()) {
            return false;
        }
        status = reported;
        reason = explainsRefusal(reported) ? why : null;
        statusDetail = explainsRefusal(reported) ? detail : null;
        statusAt = at;
        updatedAt = at;
        return true;
    }

    /** Meta's quality score as of {@code at}: GREEN, YELLOW, RED or UNKNOWN. */
    boolean qualityReported(String score, Instant at) {
        if (at.isBefore(qualityAt) || score.equals(quality)) {
            return false;
        }
        quality = score;
        qualityAt = at;
        updatedAt = later(updatedAt, at);
        return true;
    }

    /**
     * Meta moved the template to another category (a UTILITY it judged promotional became MARKETING):
     * the merchant is told what the old one was and what the change costs.
     */
    boolean recategorised(@Nullable TemplateCategory from, TemplateCategory to, Instant at) {
        if (at.isBefore(categoryAt) || to == category) {
            return false;
        }
        TemplateCategory before = from != null ? from : category;
        previousCategory = before == to ? previousCategory : before;
        category = to;
        categoryAt = at;
        if (announcedAt == null || !at.isBefore(announcedAt)) {
            // What Meta announced has happened (or Meta decided otherwise since): the notice is spent.
            announcedCategory = null;
            announcedEffectiveAt = null;
        }
        updatedAt = later(updatedAt, at);
        return true;
    }

    /**
     * Meta's advance notice that it will move the template to {@code correct} (it judged the content to
     * belong there): shown until the change happens. A notice naming the category the template already has
     * withdraws an earlier one.
     */
    boolean categoryAnnounced(TemplateCategory correct, Instant at) {
        return categoryAnnounced(correct, null, at);
    }

    /**
     * Meta's advance notice, with the time the change takes effect when Meta gives it
     * ({@code category_update_timestamp}).
     */
    boolean categoryAnnounced(TemplateCategory correct, @Nullable Instant effectiveAt, Instant at) {
        if (status.terminal() || (announcedAt != null && at.isBefore(announcedAt)) || at.isBefore(categoryAt)) {
            return false;
        }
        TemplateCategory announced = correct == category ? null : correct;
        Instant effective = announced == null ? null : effectiveAt;
        if (announced == announcedCategory && Objects.equals(effective, announcedEffectiveAt)) {
            return false;
        }
        announcedCategory = announced;
        announcedEffectiveAt = effective;
        announcedAt = at;
        updatedAt = later(updatedAt, at);
        return true;
    }

    /**
     * What a sync read from Meta at {@code at}: status, category, quality and content as Meta holds them
     * now. A category that differs from ours is a recategorisation we missed.
     */
    boolean syncedFromMeta(
            TemplateStatus metaStatus,
            @Nullable RejectionReason why,
            @Nullable TemplateCategory metaCategory,
            @Nullable String metaQuality,
            TemplateContent metaContent,
            Instant at) {
        boolean changed = statusReported(metaStatus, why, statusDetail, at);
        if (metaCategory != null && metaCategory != category) {
            changed |= recategorised(category, metaCategory, at);
        }
        if (metaQuality != null) {
            changed |= qualityReported(metaQuality, at);
        }
        if (!metaContent.equals(content) && !status.terminal()) {
            content = metaContent;
            changed = true;
        }
        return changed;
    }

    /** Meta no longer lists it: deleted in WhatsApp Manager (or by us) while no webhook told us. */
    boolean missingAtMeta(Instant at) {
        return statusReported(TemplateStatus.DELETED, null, null, at);
    }

    /** Meta edits only approved, rejected and paused templates; one under review waits for its decision. */
    boolean editable() {
        return status.editable();
    }

    /** Meta lets a template change category only while it is rejected; otherwise only its content changes. */
    boolean categoryChangeable() {
        return status.equals(TemplateStatus.REJECTED);
    }

    /**
     * What Meta would refuse in replacing this template's content with {@code edited}: its status, a new
     * category outside a rejection, or numbered variables traded for named ones (the format is fixed at
     * creation). The name and language never change: Meta edits a template in place.
     */
    List<TemplateProblem> editRefusals(NewTemplate edited, ParameterFormat format) {
        List<TemplateProblem> problems = new ArrayList<>();
        if (!editable()) {
            problems.add(TemplateProblem.of(status.underReview() ? "edit.under-review" : "edit.status"));
        }
        if (category != null && edited.category() != category && !categoryChangeable()) {
            problems.add(TemplateProblem.of("edit.category"));
        }
        boolean hadVariables = !content.variables().isEmpty()
                || (content.header() != null
                        && !TemplateVariables.of(content.header()).isEmpty());
        if (hadVariables && format != content.format()) {
            problems.add(TemplateProblem.of("edit.format"));
        }
        return List.copyOf(problems);
    }

    /**
     * Meta accepted the merchant's edit at {@code at}: the new content goes back to review, as a new
     * template does, and its decision arrives by webhook. A pending category notice was about the old text.
     */
    void edited(TemplateContent newContent, TemplateCategory newCategory, Instant at) {
        content = newContent;
        if (newCategory != category) {
            category = newCategory;
            categoryAt = later(categoryAt, at);
        }
        announcedCategory = null;
        announcedEffectiveAt = null;
        status = TemplateStatus.PENDING;
        reason = null;
        statusDetail = null;
        statusAt = later(statusAt, at);
        updatedAt = later(updatedAt, at);
    }

    /**
     * Meta confirmed the merchant's deletion: final whatever Meta said before, even news Meta dated after our
     * clock's now.
     */
    void deleted(Instant at) {
        status = TemplateStatus.DELETED;
        reason = null;
        statusDetail = null;
        statusAt = later(statusAt, at);
        updatedAt = later(updatedAt, at);
    }

    /** Meta charges for marketing what it does not charge for utility: worth a warning when it changed. */
    boolean recategorisedToCostlier() {
        return previousCategory != null && previousCategory != category && category == TemplateCategory.MARKETING;
    }

    private static boolean explainsRefusal(TemplateStatus status) {
        return !status.sendable() && !status.underReview();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    MessageTemplateId id() {
        return id;
    }

    WabaId waba() {
        return waba;
    }

    TemplateName name() {
        return name;
    }

    TemplateLanguage language() {
        return language;
    }

    @Nullable
    TemplateCategory category() {
        return category;
    }

    @Nullable
    TemplateCategory previousCategory() {
        return previousCategory;
    }

    Instant categoryAt() {
        return categoryAt;
    }

    @Nullable
    TemplateCategory announcedCategory() {
        return announcedCategory;
    }

    @Nullable
    Instant announcedAt() {
        return announcedAt;
    }

    @Nullable
    Instant announcedEffectiveAt() {
        return announcedEffectiveAt;
    }

    TemplateContent content() {
        return content;
    }

    TemplateStatus status() {
        return status;
    }

    @Nullable
    RejectionReason reason() {
        return reason;
    }

    @Nullable
    String statusDetail() {
        return statusDetail;
    }

    Instant statusAt() {
        return statusAt;
    }

    @Nullable
    String quality() {
        return quality;
    }

    Instant qualityAt() {
        return qualityAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** What the module shows of itself to other modules and to the pages. */
    TemplateDetails details() {
        return new TemplateDetails(
                id.value(),
                waba.value(),
                name.value(),
                language.code(),
                category,
                previousCategory,
                recategorisedToCostlier(),
                announcedCategory,
                status,
                reason,
                statusDetail,
                quality,
                content,
                updatedAt,
                announcedCategory == null ? null : announcedAt,
                announcedEffectiveAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Template that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
