package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetChartTest {

    static final Instant NOW = Instant.parse("2026-12-03T17:08:00Z");

    @Test
    void eachHourCountsTheCustomersWhoTookASlotInThe24HoursBeforeIt() {
        List<BudgetChart.Slot> slots = List.of(slot("ana", 30), slot("bia", 10), slot("bia", 2), slot("caio", 0));

        BudgetChart chart = BudgetChart.of(slots, 50, NOW);

        assertThat(chart.bars()).hasSize(24);
        // 23 h ago the window (24 h before it) reaches back 47 h: ana (30 h ago) and bia (10 h ago, later) not yet.
        assertThat(chart.bars().getFirst().used()).isEqualTo(1);
        // 10 h ago ana (30 h ago) counted still, bia just joined.
        assertThat(chart.bars().get(13).used()).isEqualTo(2);
        // Now ana's 24 h ran out; bia is one customer however many messages; caio just now.
        assertThat(chart.bars().getLast().used()).isEqualTo(2);
    }

    @Test
    void theBarsLabelTheirMomentOnSaoPauloClock() {
        BudgetChart chart = BudgetChart.of(List.of(), 50, NOW);

        assertThat(chart.bars().getLast().time()).isEqualTo("14:08");
        assertThat(chart.bars().getLast().hour()).isEqualTo("14h");
        assertThat(chart.bars().getLast().labelled()).isTrue();
        assertThat(chart.bars().getFirst().time()).isEqualTo("15:08");
    }

    @Test
    void theLimitSetsTheScaleUnlessTheCountWentOverIt() {
        List<BudgetChart.Slot> fifty = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> slot("c" + i, 1))
                .toList();

        BudgetChart full = BudgetChart.of(fifty, 50, NOW);
        BudgetChart half = BudgetChart.of(fifty.subList(0, 25), 50, NOW);
        BudgetChart unlimited = BudgetChart.of(fifty.subList(0, 25), null, NOW);

        assertThat(full.bars().getLast().height()).isEqualTo(BudgetChart.PLOT_HEIGHT);
        assertThat(full.limitY()).isEqualTo(BudgetChart.TOP);
        assertThat(half.bars().getLast().height()).isEqualTo(BudgetChart.PLOT_HEIGHT / 2);
        assertThat(half.bars().getLast().y()).isEqualTo(BudgetChart.TOP + BudgetChart.PLOT_HEIGHT / 2);
        assertThat(unlimited.bars().getLast().height()).isEqualTo(BudgetChart.PLOT_HEIGHT);
    }

    @Test
    void aMomentIsSaidAsTodayTomorrowOrItsDateInSaoPaulo() {
        // 02:30 UTC on the 4th is still the 3rd, 23:30, in São Paulo.
        assertThat(SaoPauloMoment.of(Instant.parse("2026-12-04T02:30:00Z"), NOW))
                .isEqualTo(new SaoPauloMoment("sending.when.today", List.of("23:30")));
        assertThat(SaoPauloMoment.of(Instant.parse("2026-12-04T03:10:00Z"), NOW))
                .isEqualTo(new SaoPauloMoment("sending.when.tomorrow", List.of("00:10")));
        assertThat(SaoPauloMoment.of(Instant.parse("2026-12-06T12:00:00Z"), NOW))
                .isEqualTo(new SaoPauloMoment("sending.when.date", List.of("06/12/2026", "09:00")));
    }

    private static BudgetChart.Slot slot(String customer, int hoursAgo) {
        return new BudgetChart.Slot(customer, NOW.minus(Duration.ofHours(hoursAgo)));
    }
}
