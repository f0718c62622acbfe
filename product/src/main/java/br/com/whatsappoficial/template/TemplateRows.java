package br.com.whatsappoficial.template;

import br.com.whatsappoficial.meta.MessageTemplateId;
import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Loads and stores the current store's templates. A template is changed under its row's lock. */
@Component
class TemplateRows {

    private static final String COLUMNS = """
            select template_id, waba_id, name, language, category, previous_category, category_at,
                   announced_category, announced_at, announced_effective_at, content, status,
                   rejection_reason, status_detail, status_at, quality, quality_at, updated_at
            from templates""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReadContents contents = new ReadContents();

    private final StoreScopedJdbc jdbc;
    private final Clock clock;

    TemplateRows(StoreScopedJdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The store's templates, by name and language; deleted ones last. */
    List<Template> all() {
        return jdbc.sql(COLUMNS + " where store_id = :storeId"
                        + " order by case when status = 'DELETED' then 1 else 0 end, name, language")
                .query(this::template)
                .list();
    }

    List<Template> ofWaba(WabaId waba) {
        return jdbc.sql(COLUMNS + " where store_id = :storeId and waba_id = :waba")
                .param("waba", waba.value())
                .query(this::template)
                .list();
    }

    Optional<Template> find(String name, TemplateLanguage language) {
        return jdbc
                .sql(COLUMNS + " where store_id = :storeId and name = :name and language = :language"
                        + " order by case when status = 'DELETED' then 1 else 0 end, updated_at desc")
                .param("name", name)
                .param("language", language.code())
                .query(this::template)
                .list()
                .stream()
                .findFirst();
    }

    /** The template of this name and language in one WABA (a store with two WABAs may have it in both). */
    Optional<Template> find(WabaId waba, String name, TemplateLanguage language) {
        return jdbc
                .sql(COLUMNS
                        + " where store_id = :storeId and waba_id = :waba and name = :name and language = :language"
                        + " order by case when status = 'DELETED' then 1 else 0 end, updated_at desc")
                .param("waba", waba.value())
                .param("name", name)
                .param("language", language.code())
                .query(this::template)
                .list()
                .stream()
                .findFirst();
    }

    Optional<Template> find(MessageTemplateId id) {
        return jdbc.sql(COLUMNS + " where store_id = :storeId and template_id = :id")
                .param("id", id.value())
                .query(this::template)
                .optional();
    }

    /** The template, its row locked until the transaction ends: concurrent webhooks apply one after the other. */
    Optional<Template> lock(MessageTemplateId id) {
        return jdbc.sql(COLUMNS + " where store_id = :storeId and template_id = :id for update")
                .param("id", id.value())
                .query(this::template)
                .optional();
    }

    /**
     * Records a template seen for the first time; false when another worker recorded it first, even one
     * whose transaction was still open (the sync and a status webhook meeting on a new template).
     */
    boolean insert(Template template) {
        return jdbc.sql("""
                        insert into templates (template_id, store_id, waba_id, name, language, category,
                               previous_category, category_at, announced_category, announced_at,
                               announced_effective_at, content, status,
                               rejection_reason, status_detail, status_at, quality, quality_at, updated_at, created_at)
                        values (:id, :storeId, :waba, :name, :language, :category, :previous, :categoryAt,
                               :announced, :announcedAt, :announcedEffectiveAt, :content, :status, :reason, :detail, :statusAt, :quality,
                               :qualityAt, :updatedAt, :now)
                        on conflict do nothing""")
                        .param("id", template.id().value())
                        .param("waba", template.waba().value())
                        .param("name", template.name().value())
                        .param("language", template.language().code())
                        .param("now", at(clock.instant()))
                        .params(values(template))
                        .update()
                == 1;
    }

    void update(Template template) {
        jdbc.sql("""
                        update templates set category = :category, previous_category = :previous,
                               category_at = :categoryAt, announced_category = :announced,
                               announced_at = :announcedAt, announced_effective_at = :announcedEffectiveAt,
                               content = :content, status = :status,
                               rejection_reason = :reason, status_detail = :detail, status_at = :statusAt,
                               quality = :quality, quality_at = :qualityAt, updated_at = :updatedAt
                        where store_id = :storeId and template_id = :id""")
                .param("id", template.id().value())
                .params(values(template))
                .update();
    }

    private static java.util.Map<String, @Nullable Object> values(Template template) {
        java.util.Map<String, @Nullable Object> values = new java.util.HashMap<>();
        values.put("category", name(template.category()));
        values.put("previous", name(template.previousCategory()));
        values.put("categoryAt", at(template.categoryAt()));
        values.put("announced", name(template.announcedCategory()));
        values.put("announcedAt", template.announcedAt() == null ? null : at(template.announcedAt()));
        values.put(
                "announcedEffectiveAt",
                template.announcedEffectiveAt() == null ? null : at(template.announcedEffectiveAt()));
        values.put("content", JSON.writeValueAsString(template.content()));
        values.put("status", template.status().value());
        values.put(
                "reason", template.reason() == null ? null : template.reason().value());
        values.put("detail", truncate(template.statusDetail()));
        values.put("statusAt", at(template.statusAt()));
        values.put("quality", template.quality());
        values.put("qualityAt", at(template.qualityAt()));
        values.put("updatedAt", at(template.updatedAt()));
        return values;
    }

    private Template template(ResultSet rs, int row) throws SQLException {
        return new Template(
                new MessageTemplateId(rs.getString("template_id")),
                new WabaId(rs.getString("waba_id")),
                new TemplateName(rs.getString("name")),
                new TemplateLanguage(rs.getString("language")),
                TemplateCategory.fromMeta(rs.getString("category")).orElse(null),
                TemplateCategory.fromMeta(rs.getString("previous_category")).orElse(null),
                instant(rs, "category_at"),
                TemplateCategory.fromMeta(rs.getString("announced_category")).orElse(null),
                nullableInstant(rs, "announced_at"),
                nullableInstant(rs, "announced_effective_at"),
                contents.of(rs.getString("content")),
                new TemplateStatus(rs.getString("status")),
                RejectionReason.fromMeta(rs.getString("rejection_reason")).orElse(null),
                rs.getString("status_detail"),
                instant(rs, "status_at"),
                rs.getString("quality"),
                instant(rs, "quality_at"),
                instant(rs, "updated_at"));
    }

    private static @Nullable String name(@Nullable TemplateCategory category) {
        return category == null ? null : category.name();
    }

    private static @Nullable String truncate(@Nullable String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
