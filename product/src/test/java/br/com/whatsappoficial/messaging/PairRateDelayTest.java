package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PairRateDelayTest {

    @Test
    void waitsFourToThePowerOfTheFailuresSoFar() {
        assertThat(MessageDispatch.pairRateDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(MessageDispatch.pairRateDelay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(MessageDispatch.pairRateDelay(3)).isEqualTo(Duration.ofSeconds(16));
        assertThat(MessageDispatch.pairRateDelay(5)).isEqualTo(Duration.ofSeconds(256));
    }
}
