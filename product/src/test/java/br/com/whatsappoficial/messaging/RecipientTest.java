package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientTest {

    @ParameterizedTest
    @ValueSource(strings = {"+55 11 98765-4321", "(11) 98765-4321", "11987654321", "5511987654321", "+5511987654321"})
    void brazilianNumbersAsPeopleWriteThemAreOneCustomer(String typed) {
        Recipient recipient = Recipient.ofNumber(typed).orElseThrow();

        assertThat(recipient.to()).isEqualTo("+5511987654321");
        assertThat(recipient.customer()).isEqualTo(new Customer("5511987654321"));
        assertThat(recipient.display()).isEqualTo("+55 11 98765-4321");
    }

    @Test
    void aLegacyWhatsAppIdWithoutTheNinthDigitIsTheSameCustomer() {
        assertThat(Customer.ofWaId("553187654321")).isEqualTo(Customer.ofWaId("5531987654321"));
        assertThat(Recipient.ofNumber("+55 31 8765-4321").orElseThrow().customer())
                .isEqualTo(new Customer("5531987654321"));
    }

    @Test
    void landlinesKeepTheirEightDigits() {
        assertThat(Customer.ofWaId("551133334444")).isEqualTo(new Customer("551133334444"));
        assertThat(Recipient.ofNumber("(11) 3333-4444").orElseThrow().to()).isEqualTo("+551133334444");
    }

    @Test
    void foreignNumbersSayTheirCountry() {
        assertThat(Recipient.ofNumber("+1 415 555 2671").orElseThrow().customer())
                .isEqualTo(new Customer("14155552671"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12345", "0800 123 4567", "+55 11 1234", "+999 123456789"})
    void whatWhatsAppCannotReachIsRefused(String typed) {
        assertThat(Recipient.ofNumber(typed)).isEmpty();
    }

    @Test
    void businessScopedUserIdsAreCustomersOfTheirOwn() {
        Recipient recipient = Recipient.ofUserId("BR.1234567890abcdef").orElseThrow();

        assertThat(recipient.to()).isNull();
        assertThat(recipient.customer().knownByUserIdOnly()).isTrue();
        assertThat(recipient.linkedTo(new Customer("5511987654321")).to()).isEqualTo("+5511987654321");
        assertThat(Recipient.ofUserId("+5511987654321")).isEmpty();
    }
}
