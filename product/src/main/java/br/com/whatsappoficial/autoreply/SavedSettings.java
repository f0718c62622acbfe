package br.com.whatsappoficial.autoreply;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.net.URI;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The current store's automatic reply settings. */
@Component
class SavedSettings {

    private final StoreScopedJdbc jdbc;

    SavedSettings(StoreScopedJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty until the merchant first saves them: the reply is off then. */
    Optional<AutoReplySettings> find() {
        return jdbc.sql("select * from autoreply_settings where store_id = :storeId")
                .query(this::settings)
                .optional();
    }

    void save(AutoReplySettings settings, String by, Instant at) {
        jdbc.sql("""
                        insert into autoreply_settings (store_id, enabled, body, button_label, link, mode, week,
                            holidays, cool_down_minutes, updated_at, updated_by)
                        values (:storeId, :enabled, :body, :label, :link, :mode, :week, :holidays, :coolDown, :at, :by)
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
                .param("week", week(settings.hours()))
                .param(
                        "holidays",
                        String.join(
                                ",",
                                settings.hours().holidays().stream()
                                        .sorted()
                                        .map(LocalDate::toString)
                                        .toList()))
                .param("coolDown", (int) settings.coolDown().toMinutes())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .update();
    }

    /** {@code MONDAY=09:00-18:00,FRIDAY=18:00-02:00}: the open weekdays in order. */
    private static String week(BusinessHours hours) {
        return hours.week().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(day -> day.getKey().name() + "=" + day.getValue().opens() + "-"
                        + day.getValue().closes())
                .collect(Collectors.joining(","));
    }

    private static Map<DayOfWeek, OpeningHours> week(String stored) {
        Map<DayOfWeek, OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        for (String day : stored.split(",")) {
            if (day.isBlank()) {
                continue;
            }
            String[] nameAndHours = day.split("=");
            String[] times = nameAndHours[1].split("-");
            week.put(
                    DayOfWeek.valueOf(nameAndHours[0]),
                    new OpeningHours(LocalTime.parse(times[0]), LocalTime.parse(times[1])));
        }
        return week;
    }

    private AutoReplySettings settings(ResultSet rs, int row) throws SQLException {
        Set<LocalDate> holidays = new HashSet<>();
        for (String date : rs.getString("holidays").split(",")) {
            if (!date.isBlank()) {
                holidays.add(LocalDate.parse(date));
            }
        }
        return new AutoReplySettings(
                rs.getBoolean("enabled"),
                new ReplyText(rs.getString("body")),
                new ButtonLabel(rs.getString("button_label")),
                new ReplyLink(URI.create(rs.getString("link"))),
                ReplyMode.valueOf(rs.getString("mode")),
                new BusinessHours(week(rs.getString("week")), holidays),
                Duration.ofMinutes(rs.getInt("cool_down_minutes")));
    }
}
