package br.com.whatsappoficial.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OwnershipCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"123456", " 123456 ", "123 456", "123-456"})
    void acceptsSixDigitsAsPeopleTypeThem(String typed) {
        assertThat(OwnershipCode.typed(typed).digits()).isEqualTo("123456");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "1234567", "12a456", "١٢٣٤٥٦", "12.456"})
    void refusesAnythingButSixDigits(String typed) {
        assertThatThrownBy(() -> OwnershipCode.typed(typed))
                .isInstanceOfSatisfying(
                        VerificationRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(VerificationRefused.Reason.MALFORMED_CODE));
    }
}
