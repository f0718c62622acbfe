package br.com.metasandbox.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNumbersTest {

    @Test
    void formatsBrazilianNumbersLikeMeta() {
        assertThat(DisplayNumbers.format("+5511987654321")).isEqualTo("+55 11 98765-4321");
        assertThat(DisplayNumbers.format("+551134567890")).isEqualTo("+55 11 3456-7890");
    }

    @Test
    void leavesOtherCountriesAsGiven() {
        assertThat(DisplayNumbers.format("+14155550123")).isEqualTo("+14155550123");
    }
}
