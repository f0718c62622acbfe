package br.com.whatsappoficial.autoreply;

import br.com.whatsappoficial.web.BrazilianTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the store is open to answer customers itself: an opening per weekday (a missing day is closed) and
 * the holidays it is closed all day, in São Paulo time. An opening past midnight belongs to the day it
 * started, so a holiday closes its own day but not the end of the night before.
 */
record BusinessHours(Map<DayOfWeek, OpeningHours> week, Set<LocalDate> holidays) {

    static final ZoneId SAO_PAULO = BrazilianTime.SAO_PAULO;

    BusinessHours {
        week = week.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(week));
        holidays = Set.copyOf(new TreeSet<>(holidays));
    }

    static BusinessHours closedAlways() {
        return new BusinessHours(Map.of(), Set.of());
    }

    Optional<OpeningHours> on(DayOfWeek day) {
        return Optional.ofNullable(week.get(day));
    }

    boolean holiday(Instant at) {
        return holidays.contains(at.atZone(SAO_PAULO).toLocalDate());
    }

    boolean openAt(Instant at) {
        ZonedDateTime local = at.atZone(SAO_PAULO);
        LocalDate today = local.toLocalDate();
        LocalDate yesterday = today.minusDays(1);
        boolean lateShiftFromYesterday = !holidays.contains(yesterday)
                && on(yesterday.getDayOfWeek())
                        .map(hours -> hours.openTheNextDayAt(local.toLocalTime()))
                        .orElse(false);
        boolean openToday = !holidays.contains(today)
                && on(today.getDayOfWeek())
                        .map(hours -> hours.openOnTheDayAt(local.toLocalTime()))
                        .orElse(false);
        return lateShiftFromYesterday || openToday;
    }
}
