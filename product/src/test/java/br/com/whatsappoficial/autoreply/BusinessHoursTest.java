package br.com.whatsappoficial.autoreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {

    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    /** Weekdays 09:00–18:00, a bar's Friday 18:00–02:00, Saturday 22:00–00:00, Sunday closed; Christmas off. */
    static final BusinessHours SHOP = new BusinessHours(
            Map.of(
                    DayOfWeek.MONDAY, hours("09:00", "18:00"),
                    DayOfWeek.TUESDAY, hours("09:00", "18:00"),
                    DayOfWeek.WEDNESDAY, hours("09:00", "18:00"),
                    DayOfWeek.THURSDAY, hours("09:00", "18:00"),
                    DayOfWeek.FRIDAY, hours("18:00", "02:00"),
                    DayOfWeek.SATURDAY, hours("22:00", "00:00")),
            Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26")));

    @ParameterizedTest(name = "{0} São Paulo → open {1}")
    @CsvSource({
        // 2026-12-07 is a Monday
        "2026-12-07T08:59:59, false",
        "2026-12-07T09:00:00, true",
        "2026-12-07T17:59:59, true",
        "2026-12-07T18:00:00, false",
        // Friday's late shift, and its tail after midnight on Saturday
        "2026-12-11T17:59:00, false",
        "2026-12-11T23:30:00, true",
        "2026-12-12T00:00:00, true",
        "2026-12-12T01:59:59, true",
        "2026-12-12T02:00:00, false",
        // Saturday until midnight exactly: Sunday itself is closed
        "2026-12-12T22:00:00, true",
        "2026-12-12T23:59:59, true",
        "2026-12-13T00:00:00, false",
        "2026-12-13T12:00:00, false",
        // Christmas is a Friday: closed all day, shift included; the Saturday holiday closes Saturday
        "2026-12-25T20:00:00, false",
        "2026-12-26T01:00:00, false",
        "2026-12-26T22:30:00, false",
        // A holiday does not cut the end of the night before it: Thursday 2026-12-24 is open as usual
        "2026-12-24T10:00:00, true",
        // Midsummer: São Paulo has no daylight saving time since 2019, so 09:00 is 12:00 UTC all year
        "2027-01-18T09:00:00, true",
        "2026-07-20T09:00:00, true"
    })
    void opensByWeekdayInSaoPauloTime(String localTime, boolean open) {
        assertThat(SHOP.openAt(LocalDateTime.parse(localTime).atZone(SAO_PAULO).toInstant()))
                .isEqualTo(open);
    }

    @Test
    void saoPauloIsThreeHoursBehindUtcInSummerAndWinter() {
        assertThat(SHOP.openAt(java.time.Instant.parse("2027-01-18T12:00:00Z"))).isTrue();
        assertThat(SHOP.openAt(java.time.Instant.parse("2027-01-18T11:59:59Z"))).isFalse();
        assertThat(SHOP.openAt(java.time.Instant.parse("2026-07-20T12:00:00Z"))).isTrue();
    }

    @Test
    void aHolidayIsReadInSaoPauloNotUtc() {
        // 2026-12-24 23:30 in São Paulo is already the 25th in UTC: still Christmas Eve for the shop.
        assertThat(SHOP.holiday(LocalDateTime.parse("2026-12-24T23:30:00")
                        .atZone(SAO_PAULO)
                        .toInstant()))
                .isFalse();
        assertThat(SHOP.holiday(LocalDateTime.parse("2026-12-25T00:30:00")
                        .atZone(SAO_PAULO)
                        .toInstant()))
                .isTrue();
    }

    @Test
    void anOpeningThatClosesWhenItOpensIsRefused() {
        assertThatThrownBy(() -> hours("09:00", "09:00"))
                .isInstanceOfSatisfying(
                        InvalidSetting.class,
                        invalid -> assertThat(invalid.messageKey()).isEqualTo("autoreply.error.hours.same"));
    }

    static OpeningHours hours(String opens, String closes) {
        return new OpeningHours(LocalTime.parse(opens), LocalTime.parse(closes));
    }
}
