package br.com.whatsappoficial.autoreply;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The settings page's form as typed, kept as text so that a refused form comes back with every field as the
 * merchant left it. Each weekday posts {@code open.MONDAY}, {@code opens.MONDAY} and {@code closes.MONDAY}.
 */
record SettingsForm(
        boolean enabled,
        String body,
        String buttonLabel,
        String link,
        String mode,
        Map<DayOfWeek, Day> days,
        String holidays,
        String coolDownHours) {

    /** One weekday's row of the hours editor. */
    record Day(boolean open, String opens, String closes) {}

    private static final DateTimeFormatter BRAZILIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** A new store's starting point: off, answering outside a shop's usual hours, once a day per customer. */
    static SettingsForm initial() {
        Map<DayOfWeek, Day> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean weekday = day.getValue() <= 5;
            days.put(day, new Day(weekday || day == DayOfWeek.SATURDAY, "09:00", weekday ? "18:00" : "13:00"));
        }
        return new SettingsForm(
                false,
                "Olá! Recebemos sua mensagem e já vamos responder. Enquanto isso, veja as novidades da loja:",
                "Ver a loja",
                "",
                ReplyMode.OUTSIDE_BUSINESS_HOURS.name(),
                days,
                "",
                "24");
    }

    static SettingsForm of(AutoReplySettings settings) {
        Map<DayOfWeek, Day> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(
                    day,
                    settings.hours()
                            .on(day)
                            .map(hours -> new Day(
                                    true,
                                    hours.opens().toString(),
                                    hours.closes().toString()))
                            .orElse(new Day(false, "09:00", "18:00")));
        }
        return new SettingsForm(
                settings.enabled(),
                settings.text().value(),
                settings.buttonLabel().value(),
                settings.link().toString(),
                settings.mode().name(),
                days,
                String.join(
                        "\n",
                        settings.hours().holidays().stream()
                                .sorted()
                                .map(BRAZILIAN_DATE::format)
                                .toList()),
                settings.coolDown().toMinutes() % 60 == 0
                        ? String.valueOf(settings.coolDown().toHours())
                        : String.valueOf(settings.coolDown().toMinutes() / 60.0));
    }

    static SettingsForm of(MultiValueMap<String, String> posted) {
        Map<DayOfWeek, Day> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(
                    day,
                    new Day(
                            posted.containsKey("open." + day.name()),
                            text(posted, "opens." + day.name()),
                            text(posted, "closes." + day.name())));
        }
        return new SettingsForm(
                posted.containsKey("enabled"),
                text(posted, "body"),
                text(posted, "buttonLabel"),
                text(posted, "link"),
                text(posted, "mode"),
                days,
                text(posted, "holidays"),
                text(posted, "coolDownHours"));
    }

    /** The settings, or why not: each refused field with the key of its message. */
    sealed interface Result {
        record Valid(AutoReplySettings settings) implements Result {}

        record Refused(Map<String, String> errors) implements Result {}
    }

    Result toSettings(boolean httpAllowed) {
        Map<String, String> errors = new LinkedHashMap<>();
        ReplyText text = field(errors, () -> new ReplyText(body));
        ButtonLabel label = field(errors, () -> new ButtonLabel(buttonLabel));
        ReplyLink replyLink = field(errors, () -> ReplyLink.parse(link, httpAllowed));
        ReplyMode replyMode = field(errors, this::replyMode);
        BusinessHours hours = field(errors, () -> new BusinessHours(week(), holidayDates()));
        Duration coolDown = field(errors, this::coolDown);
        if (!errors.isEmpty()) {
            return new Result.Refused(errors);
        }
        try {
            return new Result.Valid(new AutoReplySettings(
                    enabled,
                    Objects.requireNonNull(text),
                    Objects.requireNonNull(label),
                    Objects.requireNonNull(replyLink),
                    Objects.requireNonNull(replyMode),
                    Objects.requireNonNull(hours),
                    Objects.requireNonNull(coolDown)));
        } catch (InvalidSetting invalid) {
            return new Result.Refused(Map.of(invalid.field(), invalid.messageKey()));
        }
    }

    /** What the preview shows while the merchant types: the text and label as they are, even if too long. */
    Optional<String> previewUrl(boolean httpAllowed) {
        try {
            return Optional.of(ReplyLink.parse(link, httpAllowed).withUtm(replyMode()));
        } catch (InvalidSetting invalid) {
            return Optional.empty();
        }
    }

    private ReplyMode replyMode() {
        try {
            return ReplyMode.valueOf(mode);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidSetting("mode", "autoreply.error.mode");
        }
    }

    private Map<DayOfWeek, OpeningHours> week() {
        Map<DayOfWeek, OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, row) -> {
            if (row.open()) {
                week.put(day, new OpeningHours(time(row.opens()), time(row.closes())));
            }
        });
        return week;
    }

    private static LocalTime time(String typed) {
        try {
            return LocalTime.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSetting("hours", "autoreply.error.hours.time");
        }
    }

    /** One date per line (or separated by commas), as Brazilians write it or as a date field sends it. */
    Set<LocalDate> holidayDates() {
        Set<LocalDate> dates = new TreeSet<>();
        for (String typed : holidays.split("[\\s,;]+")) {
            if (typed.isBlank()) {
                continue;
            }
            try {
                dates.add(typed.contains("/") ? LocalDate.parse(typed, BRAZILIAN_DATE) : LocalDate.parse(typed));
            } catch (DateTimeParseException e) {
                throw new InvalidSetting("holidays", "autoreply.error.holidays");
            }
        }
        return dates;
    }

    private Duration coolDown() {
        try {
            double hours = Double.parseDouble(coolDownHours.strip().replace(',', '.'));
            if (!Double.isFinite(hours)) {
                throw new NumberFormatException();
            }
            return Duration.ofMinutes(Math.round(hours * 60));
        } catch (NumberFormatException e) {
            throw new InvalidSetting("coolDownHours", "autoreply.error.cooldown");
        }
    }

    private static <T> @Nullable T field(Map<String, String> errors, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidSetting invalid) {
            errors.putIfAbsent(invalid.field(), invalid.messageKey());
            return null;
        }
    }

    private static String text(MultiValueMap<String, String> posted, String name) {
        String value = posted.getFirst(name);
        return value == null ? "" : value;
    }
}
