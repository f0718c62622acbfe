package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
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

    /** The direct read of a Brazilian E.164 number is the library's, for every such number and the ones around it. */
    @Property(tries = 3000)
    void aBrazilianNumberInE164IsReadAsTheLibraryReadsIt(
            @ForAll @StringLength(min = 8, max = 13) @NumericChars String national, @ForAll boolean withPlus) {
        String number = (withPlus ? "+55" : "55") + national;
        Phonenumber.PhoneNumber library;
        try {
            library = PhoneNumberUtil.getInstance().parse(number, "BR");
        } catch (NumberParseException refused) {
            assertThatThrownBy(() -> Recipient.parse(number)).isInstanceOf(NumberParseException.class);
            return;
        }
        Phonenumber.PhoneNumber ours;
        try {
            ours = Recipient.parse(number);
        } catch (NumberParseException e) {
            throw new AssertionError(number + " was refused: " + e.getMessage(), e);
        }
        assertThat(ours.exactlySameAs(library))
                .as("%s: %s against %s", number, ours, library)
                .isTrue();
    }

    @Test
    void numbersWithBrazilsPrefixesAreReadByTheLibrary() throws Exception {
        for (String number : new String[] {"+5501187654321", "+559012987654321", "+55901298765432"}) {
            assertThat(Recipient.parse(number)
                            .exactlySameAs(PhoneNumberUtil.getInstance().parse(number, "BR")))
                    .as(number)
                    .isTrue();
        }
    }
}
