package br.com.whatsappoficial.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The proactive budget of the last 24 h as bars, one per hour, drawn on the server as SVG: each bar is the
 * number of unique customers counted at that moment (those who took a slot in the 24 h before it), against
 * the limit as a line.
 *
 * @param scale the count the chart's full height stands for
 */
record BudgetChart(List<Bar> bars, @Nullable Integer limit, int scale) {

    static final int HOURS = 24;
    static final int PLOT_HEIGHT = 120;
    static final int TOP = 10;
    static final int BAR_STEP = 20;
    static final int BAR_WIDTH = 14;
    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH'h'").withZone(SAO_PAULO);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(SAO_PAULO);

    /** A customer's new slot: a proactive message that counted them and was not given back. */
    record Slot(String customer, Instant at) {}

    /**
     * One hour's bar, its geometry in the chart's 480 × 150 view box.
     *
     * @param hour the São Paulo hour under the bar ({@code 14h}), shown every sixth bar and on the last
     * @param time the moment it measures, São Paulo time ({@code 14:08})
     */
    record Bar(int used, int x, int y, int height, String hour, String time, boolean labelled) {}

    /** Bars at now − 23 h, …, now − 1 h and now; a slot counts at t when it was taken in (t − 24 h, t]. */
    static BudgetChart of(Collection<Slot> slots, @Nullable Integer limit, Instant now) {
        List<Instant> moments = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int ago = HOURS - 1; ago >= 0; ago--) {
            Instant at = now.minus(Duration.ofHours(ago));
            Instant from = at.minus(ProactiveBudget.WINDOW);
            Set<String> counted = new HashSet<>();
            for (Slot slot : slots) {
                if (slot.at().isAfter(from) && !slot.at().isAfter(at)) {
                    counted.add(slot.customer());
                }
            }
            moments.add(at);
            counts.add(counted.size());
        }
        int highest = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        int scale = Math.max(1, limit == null ? highest : Math.max(limit, highest));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < HOURS; i++) {
            int used = counts.get(i);
            int height = used == 0 ? 0 : Math.max(2, Math.round((float) used * PLOT_HEIGHT / scale));
            bars.add(new Bar(
                    used,
                    i * BAR_STEP + (BAR_STEP - BAR_WIDTH) / 2,
                    TOP + PLOT_HEIGHT - height,
                    height,
                    HOUR.format(moments.get(i)),
                    TIME.format(moments.get(i)),
                    i % 6 == 5 || i == HOURS - 1));
        }
        return new BudgetChart(bars, limit, scale);
    }

    // Public, as the template reads them through reflection.

    /** Where the limit's line is drawn; the top of the plot when nothing went over it. */
    public int limitY() {
        return limit == null ? TOP : TOP + PLOT_HEIGHT - Math.round((float) limit * PLOT_HEIGHT / scale);
    }

    public int baseY() {
        return TOP + PLOT_HEIGHT;
    }

    public int barWidth() {
        return BAR_WIDTH;
    }

    public int width() {
        return HOURS * BAR_STEP;
    }
}
