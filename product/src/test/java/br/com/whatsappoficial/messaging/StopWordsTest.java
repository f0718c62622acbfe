package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A stop word counts only as the whole message, whatever its case, accents, punctuation or emoji. */
class StopWordsTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PARAR|true",
                "parar|true",
                "  Sair.  |true",
                "CANCELAR!!!|true",
                "Descadastrar 🙏|true",
                "DESCADASTRÁR|true",
                "*sair*|true",
                "não quero cancelar meu pedido|false",
                "parar de receber|false",
                "quero sair|false",
                "SAIR 2|false",
                "sairr|false",
                "PARA|false",
                "STOP|false",
                "' '|false"
            })
    void recognisesOnlyTheCommandAlone(String message, boolean stop) {
        assertThat(StopWords.isStopCommand(message)).isEqualTo(stop);
    }
}
