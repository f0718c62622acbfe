package br.com.metasandbox.signup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"Casa ★ Boa", "Casa Boa 😀", "Casa ♥ Boa", "Casa Boa ✔", "Casa → Boa", "Casa Boa ©", "Casa ~ Boa"
            })
    void refusesDecorativeSymbolsAndEmoji(String name) {
        assertThat(DisplayNameRules.check(name)).contains(DisplayNameRules.Violation.SYMBOLS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Casa Boa",
                "Café & Cia",
                "Doces da Vó Lúcia",
                "Pão-de-Mel d'Ana",
                "Ótica São João, Centro",
                "Loja 2 Irmãos"
            })
    void acceptsLettersDigitsAndOrdinaryPunctuation(String name) {
        assertThat(DisplayNameRules.check(name)).isEmpty();
    }
}
