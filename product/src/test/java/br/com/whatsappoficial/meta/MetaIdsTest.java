package br.com.whatsappoficial.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetaIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " 524126980791429", "524126980791429/phone_numbers", "../me", "12a", "１２３"})
    void refusesAnythingButDigits(String value) {
        assertThatThrownBy(() -> new WabaId(value))
                .isInstanceOf(InvalidMetaId.class)
                .extracting(e -> ((InvalidMetaId) e).field())
                .isEqualTo("waba_id");
        assertThatThrownBy(() -> new PhoneNumberId(value)).isInstanceOf(InvalidMetaId.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"524126980791429", "106540352242922", "7"})
    void acceptsMetasIds(String value) {
        assertThat(new WabaId(value).value()).isEqualTo(value);
        assertThat(new PhoneNumberId(value)).hasToString(value);
    }
}
