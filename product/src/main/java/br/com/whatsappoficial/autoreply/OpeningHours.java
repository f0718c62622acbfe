package br.com.whatsappoficial.autoreply;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One weekday's opening, in São Paulo time: from {@code opens} until {@code closes}; a closing at or before
 * the opening runs past midnight into the next day (a bar open 18:00–02:00).
 */
record OpeningHours(LocalTime opens, LocalTime closes) {

    OpeningHours {
        Objects.requireNonNull(opens);
        Objects.requireNonNull(closes);
        if (opens.equals(closes)) {
            throw new InvalidSetting("hours", "autoreply.error.hours.same");
        }
    }

    boolean pastMidnight() {
        return !closes.isAfter(opens);
    }

    /** Whether {@code time} of this weekday falls in its own part of the opening (before midnight, for a late one). */
    boolean openOnTheDayAt(LocalTime time) {
        return pastMidnight() ? !time.isBefore(opens) : !time.isBefore(opens) && time.isBefore(closes);
    }

    /** Whether {@code time} of the next day is still inside this opening's part after midnight. */
    boolean openTheNextDayAt(LocalTime time) {
        return pastMidnight() && time.isBefore(closes);
    }
}
