package br.com.metasandbox.graph;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.WaId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A number's messages per second, and how its sends are counted against them. */
class SendingRatesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    private final SendingRates rates = new SendingRates();
    private final PhoneNumber phone = new PhoneNumber(
            "1001",
            "2002",
            "+5511912345678",
            "+55 11 91234-5678",
            "Loja",
            PhoneNumber.VERIFIED,
            "APPROVED",
            null,
            null,
            "CONNECTED",
            "GREEN",
            "STANDARD",
            "LIVE",
            "CLOUD_API",
            false,
            null,
            null,
            null,
            null,
            T0);

    @Test
    void theEightyFirstSendThatArrivedWithinASecondIsRefused() {
        for (int i = 0; i < SendingRates.STANDARD_MPS; i++) {
            rates.admit(phone, customer(i), T0.plusMillis(i * 10L));
        }

        assertThatThrownBy(() -> rates.admit(phone, customer(80), T0.plusMillis(999)))
                .isInstanceOfSatisfying(
                        GraphRefusal.class,
                        refusal -> org.assertj.core.api.Assertions.assertThat(refusal.code())
                                .isEqualTo(130429));
        assertThatCode(() -> rates.admit(phone, customer(81), T0.plusMillis(1_000)))
                .as("the first send has left the second")
                .doesNotThrowAnyException();
    }

    @Test
    void sendsAreCountedWhenTheyArrivedInWhateverOrderTheyAreAdmitted() {
        // 79 sends arrived in the second's first half, then one that arrived at 900 ms is admitted first.
        rates.admit(phone, customer(0), T0.plusMillis(900));
        for (int i = 1; i < SendingRates.STANDARD_MPS; i++) {
            rates.admit(phone, customer(i), T0.plusMillis(i));
        }

        assertThatCode(() -> rates.admit(phone, customer(80), T0.plusMillis(1_850)))
                .as("only the one at 900 ms is in the second before 1.85 s")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> rates.admit(phone, customer(81), T0.plusMillis(950)))
                .as("80 arrived in the second before 950 ms")
                .isInstanceOf(GraphRefusal.class);
    }

    private static WaId customer(int i) {
        return WaId.fromRecipient("+55119" + String.format("%08d", 10_000_000 + i));
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
