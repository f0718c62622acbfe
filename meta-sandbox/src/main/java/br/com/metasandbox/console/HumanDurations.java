package br.com.metasandbox.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** Durations as people read them on the console ("1 min", "4 h", "7 dias"), not as ISO-8601 ({@code PT4H}). */
final class HumanDurations {

    private HumanDurations() {}

    static String of(Duration duration, MessageSource messages, Locale locale) {
        if (duration.isZero() || duration.isNegative()) {
            return "0 s";
        }
        List<String> parts = new ArrayList<>();
        if (duration.toDays() > 0) {
            parts.add(messages.getMessage("sandbox.console.duration.days", new Object[] {duration.toDays()}, locale));
        }
        if (duration.toHoursPart() > 0) {
            parts.add(duration.toHoursPart() + " h");
        }
        if (duration.toMinutesPart() > 0) {
            parts.add(duration.toMinutesPart() + " min");
        }
        if (duration.toSecondsPart() > 0) {
            parts.add(duration.toSecondsPart() + " s");
        }
        if (duration.toMillisPart() > 0) {
            parts.add(duration.toMillisPart() + " ms");
        }
        return String.join(" ", parts);
    }
}
