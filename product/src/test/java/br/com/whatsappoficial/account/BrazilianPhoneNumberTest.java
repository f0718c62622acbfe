package br.com.whatsappoficial.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BrazilianPhoneNumberTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"+55 11 91234-5678", "+55 (11) 91234-5678", "11 91234-5678", "5511912345678", "(11)912345678"})
    void acceptsWhatPeopleType(String typed) {
        assertThat(BrazilianPhoneNumber.parse(typed).e164()).isEqualTo("+5511912345678");
    }

    @Test
    void showsTheNumberAsBraziliansWriteIt() {
        assertThat(BrazilianPhoneNumber.parse("11912345678").display()).isEqualTo("+55 11 91234-5678");
        assertThat(BrazilianPhoneNumber.parse("1133224455").display()).isEqualTo("+55 11 3322-4455");
    }

    @Test
    void tellsMobilesFromLandlines() {
        assertThat(BrazilianPhoneNumber.parse("+5511912345678").mobile()).isTrue();
        assertThat(BrazilianPhoneNumber.parse("+551133224455").mobile()).isFalse();
        assertThat(BrazilianPhoneNumber.parse("+5521987654321").ddd()).isEqualTo("21");
    }

    @ParameterizedTest
    @CsvSource({
        "+1 555 012 3456, NOT_BRAZILIAN", // Meta's test numbers are US 555 numbers
        "+351 912 345 678, NOT_BRAZILIAN",
        "+55 00 91234-5678, INVALID_FOR_BRAZIL", // no DDD 00
        "+55 11 1234-567, INVALID_FOR_BRAZIL",
        "0800 123 4567, NOT_MOBILE_OR_LANDLINE",
        "abc, NOT_A_NUMBER"
    })
    void refusesNumbersThatCannotBeConnected(String typed, InvalidPhoneNumber.Reason reason) {
        assertThatThrownBy(() -> BrazilianPhoneNumber.parse(typed))
                .isInstanceOfSatisfying(
                        InvalidPhoneNumber.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void refusesAnEmptyNumber() {
        assertThatThrownBy(() -> BrazilianPhoneNumber.parse("  "))
                .isInstanceOfSatisfying(
                        InvalidPhoneNumber.class,
                        e -> assertThat(e.messageKey()).isEqualTo("phone.invalid.empty"));
    }

    @Test
    void restoresTheNinthDigitOfALegacyWaId() {
        assertThat(BrazilianPhoneNumber.fromWaId("553187654321").e164()).isEqualTo("+5531987654321");
        assertThat(BrazilianPhoneNumber.fromWaId("5531987654321").e164()).isEqualTo("+5531987654321");
        assertThat(BrazilianPhoneNumber.fromWaId("551133224455").e164())
                .as("a landline keeps its 8 digits")
                .isEqualTo("+551133224455");
    }

    @Test
    void knowsBothWaIdsOfAMobile() {
        assertThat(BrazilianPhoneNumber.parse("+5531987654321").waIdCandidates())
                .containsExactly("5531987654321", "553187654321");
        assertThat(BrazilianPhoneNumber.parse("+551133224455").waIdCandidates()).containsExactly("551133224455");
    }
}
