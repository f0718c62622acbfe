package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CallWindowTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration GAP = Duration.ofMillis(5);

    @Test
    void callsWantedAtOnceStartAGapApart() {
        CallWindow window = new CallWindow(80, GAP);

        assertThat(window.take(T0)).isEqualTo(T0);
        assertThat(window.take(T0)).isEqualTo(T0.plus(GAP));
        assertThat(window.take(T0)).isEqualTo(T0.plus(GAP.multipliedBy(2)));
    }

    @Test
    void aLateCallIsFollowedWithinTheRateNotOneSpacingAfterIt() {
        CallWindow window = new CallWindow(4, GAP);
        Duration spacing = Duration.ofMillis(250);
        window.take(T0);
        // The machine stalled: the sends due at 250 and 500 ms only want to go at 700 ms.
        assertThat(window.take(T0.plusMillis(700))).isEqualTo(T0.plusMillis(700));
        assertThat(window.take(T0.plusMillis(700)))
                .as("made up at once, a gap later, rather than at 700 + 250 ms")
                .isEqualTo(T0.plusMillis(705));
        assertThat(window.take(T0.plus(spacing.multipliedBy(3)))).isEqualTo(T0.plusMillis(750));
        assertThat(window.take(T0.plus(spacing.multipliedBy(4))))
                .as("a fifth call waits for the first to leave the second")
                .isEqualTo(T0.plusMillis(1000));
    }

    @Property
    void noSecondHoldsMoreStartsThanTheRate(
            @ForAll @IntRange(min = 1, max = 90) int perSecond,
            @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 40) Integer> waits) {
        CallWindow window = new CallWindow(perSecond, Duration.ofMillis(1));
        List<Instant> starts = new ArrayList<>();
        Instant wanted = T0;
        for (int wait : waits) {
            wanted = wanted.plusMillis(wait);
            Instant start = window.take(wanted);
            assertThat(start).isAfterOrEqualTo(wanted);
            starts.add(start);
        }
        for (int i = perSecond; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - perSecond), starts.get(i)))
                    .as("start %d and the one %d before it", i, perSecond)
                    .isGreaterThanOrEqualTo(CallWindow.SECOND);
        }
    }
}
