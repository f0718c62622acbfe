package br.com.metasandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.state.PhoneNumber;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A number's messages per second from its throughput level and whether it is on the WhatsApp Business app. */
class SendingRatesTest {

    @Test
    void eightyByDefaultAThousandWhenHighTwentyOnTheBusinessApp() {
        assertThat(SendingRates.messagesPerSecond(phone("STANDARD", false))).isEqualTo(80);
        assertThat(SendingRates.messagesPerSecond(phone("HIGH", false))).isEqualTo(1_000);
        assertThat(SendingRates.messagesPerSecond(phone("HIGH", true))).isEqualTo(20);
        assertThat(SendingRates.messagesPerSecond(phone("STANDARD", true))).isEqualTo(20);
    }

    private static PhoneNumber phone(String level, boolean onBizApp) {
        return new PhoneNumber(
                "1",
                "2",
                "+5511912345678",
                "+55 11 91234-5678",
                "Loja",
                "VERIFIED",
                "APPROVED",
                null,
                null,
                "CONNECTED",
                "GREEN",
                level,
                "LIVE",
                "CLOUD_API",
                onBizApp,
                null,
                null,
                null,
                null,
                Instant.EPOCH);
    }
}
