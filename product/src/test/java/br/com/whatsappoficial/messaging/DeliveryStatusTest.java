package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryStatusTest {

    @ParameterizedTest(name = "{0} then {1} -> {2}")
    @CsvSource({
        "QUEUED, sent, SENT",
        "QUEUED, read, READ",
        "SENT, delivered, DELIVERED",
        "READ, sent, READ",
        "READ, delivered, READ",
        "DELIVERED, delivered, DELIVERED",
        "QUEUED, failed, FAILED",
        "SENT, failed, FAILED",
        "DELIVERED, failed, DELIVERED",
        "READ, failed, READ",
        "FAILED, read, FAILED",
        "FAILED, sent, FAILED",
        "DELIVERED, played, DELIVERED",
        "SENT, held_for_review, SENT"
    })
    void onlyMovesForwardAndFailsOnlyBeforeDelivery(DeliveryStatus current, String reported, DeliveryStatus next) {
        assertThat(current.after(reported)).isEqualTo(next);
    }

    @Test
    void statusesMetaAddsLaterGoAfterOursInATimeline() {
        assertThat(DeliveryStatus.rankOf("queued")).isLessThan(DeliveryStatus.rankOf("sent"));
        assertThat(DeliveryStatus.rankOf("read")).isLessThan(DeliveryStatus.rankOf("failed"));
        assertThat(DeliveryStatus.rankOf("held_for_review")).isGreaterThan(DeliveryStatus.rankOf("failed"));
    }
}
