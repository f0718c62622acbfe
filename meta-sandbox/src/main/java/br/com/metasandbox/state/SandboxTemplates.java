package br.com.metasandbox.state;

import static br.com.metasandbox.state.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The WABAs' message templates and their creations (for Meta's hourly cap). */
@Repository
public class SandboxTemplates {

    private final JdbcClient jdbc;

    SandboxTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MessageTemplate template) {
        jdbc.sql("""
                        insert into sandbox_templates (template_id, waba_id, name, language, category, parameter_format,
                            components, status, rejected_reason, quality_score, review_status, review_reason,
                            review_category, review_due_at, created_at, updated_at)
                        values (:id, :waba, :name, :language, :category, :format, :components, :status, :reason,
                            :quality, :reviewStatus, :reviewReason, :reviewCategory, :due, :created, :updated)""")
                .param("id", template.id())
                .param("waba", template.wabaId())
                .param("name", template.name())
                .param("language", template.language())
                .param("category", template.category())
                .param("format", template.parameterFormat())
                .param("components", template.components())
                .param("status", template.status())
                .param("reason", template.rejectedReason())
                .param("quality", template.qualityScore())
                .param("reviewStatus", template.reviewStatus())
                .param("reviewReason", template.reviewReason())
                .param("reviewCategory", template.reviewCategory())
                .param("due", template.reviewDueAt() == null ? null : utc(template.reviewDueAt()))
                .param("created", utc(template.createdAt()))
                .param("updated", utc(template.updatedAt()))
                .update();
        jdbc.sql("insert into sandbox_template_creations (waba_id, created_at) values (:waba, :created)")
                .param("waba", template.wabaId())
                .param("created", utc(template.createdAt()))
                .update();
    }

    /**
     * Takes every automatic decision that is due: the status, reason and category the review chose become
     * the template's. Called before any read, so that a template reads as reviewed from its due time on.
     */
    public void settleDueReviews(Instant now) {
        jdbc.sql("""
                        update sandbox_templates
                           set status = review_status, rejected_reason = review_reason, category = review_category,
                               review_status = null, review_reason = null, review_category = null,
                               review_due_at = null, updated_at = review_due_at
                         where review_due_at is not null and review_due_at <= :now""").param("now", utc(now)).update();
    }

    public Optional<MessageTemplate> template(String id) {
        return jdbc.sql("select * from sandbox_templates where template_id = :id")
                .param("id", id)
                .query(SandboxTemplates::template)
                .optional();
    }

    /** The WABA's templates, newest first (ties by id), as Graph lists them. */
    public List<MessageTemplate> templatesOf(String wabaId) {
        return jdbc.sql("select * from sandbox_templates where waba_id = :waba order by created_at desc, template_id")
                .param("waba", wabaId)
                .query(SandboxTemplates::template)
                .list();
    }

    /** The template of a send: its name and language, written {@code pt_BR} or {@code pt-BR} alike. */
    public Optional<MessageTemplate> find(String wabaId, String name, String language) {
        return jdbc
                .sql("""
                        select * from sandbox_templates
                         where waba_id = :waba and name = :name and language in (:underscore, :dash)""")
                .param("waba", wabaId)
                .param("name", name)
                .param("underscore", language.replace('-', '_'))
                .param("dash", language.replace('_', '-'))
                .query(SandboxTemplates::template)
                .list()
                .stream()
                .findFirst();
    }

    public boolean exists(String wabaId, String name, String language) {
        return jdbc.sql("""
                        select count(*) from sandbox_templates
                         where waba_id = :waba and name = :name and language = :language""")
                        .param("waba", wabaId)
                        .param("name", name)
                        .param("language", language)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public int creationsSince(String wabaId, Instant since) {
        return jdbc.sql("select count(*) from sandbox_template_creations where waba_id = :waba and created_at > :since")
                .param("waba", wabaId)
                .param("since", utc(since))
                .query(Long.class)
                .single()
                .intValue();
    }

    /** New components (and category) of an edit, with the automatic review's next decision. */
    public void edit(
            String id,
            String category,
            String components,
            String reviewStatus,
            String reviewReason,
            String reviewCategory,
            Instant due,
            Instant now) {
        jdbc.sql("""
                        update sandbox_templates
                           set category = :category, components = :components, status = 'PENDING',
                               rejected_reason = 'NONE', review_status = :reviewStatus, review_reason = :reviewReason,
                               review_category = :reviewCategory, review_due_at = :due, updated_at = :now
                         where template_id = :id""")
                .param("id", id)
                .param("category", category)
                .param("components", components)
                .param("reviewStatus", reviewStatus)
                .param("reviewReason", reviewReason)
                .param("reviewCategory", reviewCategory)
                .param("due", utc(due))
                .param("now", utc(now))
                .update();
    }

    /** A decision taken by hand (the console): it replaces any automatic one still due. */
    public void decide(String id, String status, String rejectedReason, @Nullable String category, Instant now) {
        jdbc.sql("""
                        update sandbox_templates
                           set status = :status, rejected_reason = :reason, category = coalesce(:category, category),
                               review_status = null, review_reason = null, review_category = null,
                               review_due_at = null, updated_at = :now
                         where template_id = :id""")
                .param("id", id)
                .param("status", status)
                .param("reason", rejectedReason)
                .param("category", category)
                .param("now", utc(now))
                .update();
    }

    public void setQuality(String id, String quality, Instant now) {
        jdbc.sql("update sandbox_templates set quality_score = :quality, updated_at = :now where template_id = :id")
                .param("id", id)
                .param("quality", quality)
                .param("now", utc(now))
                .update();
    }

    /** Deletes every language of the name; how many templates went. */
    public int deleteByName(String wabaId, String name) {
        return jdbc.sql("delete from sandbox_templates where waba_id = :waba and name = :name")
                .param("waba", wabaId)
                .param("name", name)
                .update();
    }

    private static MessageTemplate template(ResultSet rs, int row) throws SQLException {
        return new MessageTemplate(
                rs.getString("template_id"),
                rs.getString("waba_id"),
                rs.getString("name"),
                rs.getString("language"),
                rs.getString("category"),
                rs.getString("parameter_format"),
                rs.getString("components"),
                rs.getString("status"),
                rs.getString("rejected_reason"),
                rs.getString("quality_score"),
                rs.getString("review_status"),
                rs.getString("review_reason"),
                rs.getString("review_category"),
                SqlTimes.instant(rs, "review_due_at"),
                SqlTimes.requiredInstant(rs, "created_at"),
                SqlTimes.requiredInstant(rs, "updated_at"));
    }
}
