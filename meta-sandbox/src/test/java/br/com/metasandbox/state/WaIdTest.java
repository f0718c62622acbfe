package br.com.metasandbox.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WaIdTest {

    @Test
    void dropsTheNinthDigitOfBrazilianMobilesFromDdd31() {
        assertThat(WaId.fromRecipient("+55 31 98765-4321").value()).isEqualTo("553187654321");
        assertThat(WaId.fromRecipient("+5599987654321").value()).isEqualTo("559987654321");
    }

    @Test
    void keepsTheNinthDigitForDdd11To28() {
        assertThat(WaId.fromRecipient("+5511987654321").value()).isEqualTo("5511987654321");
        assertThat(WaId.fromRecipient("5528987654321").value()).isEqualTo("5528987654321");
    }

    @Test
    void leavesLandlinesAndOtherCountriesAlone() {
        assertThat(WaId.fromRecipient("+553134567890").value()).isEqualTo("553134567890");
        assertThat(WaId.fromRecipient("+14155550123").value()).isEqualTo("14155550123");
    }

    @Test
    void refusesWhatIsNotAPhoneNumber() {
        assertThatThrownBy(() -> WaId.fromRecipient("ana@loja")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaId.fromRecipient("+123")).isInstanceOf(IllegalArgumentException.class);
    }
}
