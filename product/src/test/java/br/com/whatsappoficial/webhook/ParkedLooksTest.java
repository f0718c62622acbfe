package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParkedLooksTest {

    private final Instant now = Instant.parse("2026-12-06T12:00:00Z");
    private final ParkedLooks looks = new ParkedLooks();

    @Test
    void aNodeLooksForParkedEventsOnceASecond() {
        assertThat(looks.due(now)).as("the first claim looks").isTrue();
        assertThat(looks.due(now.plusMillis(999)))
                .as("claims within the second do not")
                .isFalse();
        assertThat(looks.due(now.plus(ParkedLooks.EVERY)))
                .as("a second later one does")
                .isTrue();
    }

    @Test
    void aLookThatFoundAFullBatchLetsTheNextClaimLookAgain() {
        looks.due(now);
        looks.foundAFullBatch();

        assertThat(looks.due(now.plusMillis(1))).isTrue();
    }
}
