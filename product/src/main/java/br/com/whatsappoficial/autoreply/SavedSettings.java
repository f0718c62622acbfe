package br.com.whatsappoficial.autoreply;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.net.URI;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The current store's automatic reply settings. */
@Component
class SavedSettings {

    private static final TypeReference<Map<String, Map<String, String>>> WEEK = new TypeReference<>() {};

    private final StoreScopedJdbc jdbc;
    private final JsonMapper json;

    SavedSettings(StoreScopedJdbc jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Empty until the merchant first saves them: the reply is off then. */
    Optional<AutoReplySettings> find() {
        return jdbc.sql("select * from autoreply_settings where store_id = :storeId")
                .query(this::settings)
                .optional();
    }

    void save(AutoReplySettings settings, String by, Instant at) {
        Map<String, Map<String, String>> week = new LinkedHashMap<>();
        settings.hours().week().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(day -> week.put(
                        day.getKey().name(),
                        Map.of(
                                "opens", day.getValue().opens().toString(),
                                "closes", day.getValue().closes().toString())));
        jdbc.sql("""
                        insert into autoreply_settings (store_id, enabled, body, button_label, link, mode, week,
                            holidays, cool_down_minutes, updated_at, updated_by)
                        values (:storeId, :enabled, :body, :label, :link, :mode, cast(:week as jsonb),
                            cast(:holidays as date[]), :coolDown, :at, :by)
                        on conflict (store_id) do update set enabled = excluded.enabled, body = excluded.body,
                            button_label = excluded.button_label, link = excluded.link, mode = excluded.mode,
                            week = excluded.week, holidays = excluded.holidays,
                            cool_down_minutes = excluded.cool_down_minutes, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .param("enabled", settings.enabled())
                .param("body", settings.text().value())
                .param("label", settings.buttonLabel().value())
                .param("link", settings.link().toString())
                .param("mode", settings.mode().name())
                .param("week", json.writeValueAsString(week))
                .param(
                        "holidays",
                        "{"
                                + String.join(
                                        ",",
                                        settings.hours().holidays().stream()
                                                .sorted()
                                                .map(LocalDate::toString)
                                                .toList())
                                + "}")
                .param("coolDown", (int) settings.coolDown().toMinutes())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .update();
    }

    private AutoReplySettings settings(ResultSet rs, int row) throws SQLException {
        Map<DayOfWeek, OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        json.readValue(rs.getString("week"), WEEK)
                .forEach((day, hours) -> week.put(
                        DayOfWeek.valueOf(day),
                        new OpeningHours(LocalTime.parse(hours.get("opens")), LocalTime.parse(hours.get("closes")))));
        Set<LocalDate> holidays = new HashSet<>();
        Array dates = rs.getArray("holidays");
        for (Object date : (Object[]) dates.getArray()) {
            holidays.add(((Date) date).toLocalDate());
        }
        return new AutoReplySettings(
                rs.getBoolean("enabled"),
                new ReplyText(rs.getString("body")),
                new ButtonLabel(rs.getString("button_label")),
                new ReplyLink(URI.create(rs.getString("link"))),
                ReplyMode.valueOf(rs.getString("mode")),
                new BusinessHours(week, holidays),
                Duration.ofMinutes(rs.getInt("cool_down_minutes")));
    }
}
