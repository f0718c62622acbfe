package br.com.whatsappoficial.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A moment as a merchant says it, on São Paulo's clock: "hoje às 14:08", "amanhã às 09:10", or the date
 * when further away.
 *
 * @param messageKey {@code sending.when.today}, {@code .tomorrow} or {@code .date}
 * @param arguments the time, or the date and the time
 */
record SaoPauloMoment(String messageKey, List<Object> arguments) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static SaoPauloMoment of(Instant at, Instant now) {
        ZonedDateTime local = at.atZone(BudgetChart.SAO_PAULO);
        LocalDate today = now.atZone(BudgetChart.SAO_PAULO).toLocalDate();
        String time = TIME.format(local);
        if (local.toLocalDate().equals(today)) {
            return new SaoPauloMoment("sending.when.today", List.of(time));
        }
        if (local.toLocalDate().equals(today.plusDays(1))) {
            return new SaoPauloMoment("sending.when.tomorrow", List.of(time));
        }
        return new SaoPauloMoment("sending.when.date", List.of(DATE.format(local), time));
    }
}
