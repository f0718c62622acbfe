package br.com.whatsappoficial.autoreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyLinkTest {

    @ParameterizedTest
    @CsvSource({
        "https://loja.com.br, https://loja.com.br?utm_source=whatsapp&utm_medium=resposta-automatica&utm_campaign=fora-do-horario",
        "https://loja.com.br/ofertas?c=42, https://loja.com.br/ofertas?c=42&utm_source=whatsapp&utm_medium=resposta-automatica&utm_campaign=fora-do-horario",
        "https://loja.com.br/?utm_source=insta&x=1, https://loja.com.br/?x=1&utm_source=whatsapp&utm_medium=resposta-automatica&utm_campaign=fora-do-horario",
        "https://loja.com.br/p#topo, https://loja.com.br/p?utm_source=whatsapp&utm_medium=resposta-automatica&utm_campaign=fora-do-horario#topo"
    })
    void addsOurUtmParametersInPlaceOfTheMerchants(String typed, String opened) {
        assertThat(ReplyLink.parse(typed, false).withUtm(ReplyMode.OUTSIDE_BUSINESS_HOURS))
                .isEqualTo(opened);
    }

    @ParameterizedTest
    @CsvSource({
        "'', autoreply.error.link.empty",
        "loja.com.br, autoreply.error.link.invalid",
        "https://, autoreply.error.link.invalid",
        "ftp://loja.com.br, autoreply.error.link.invalid",
        "https://loja .com.br, autoreply.error.link.invalid",
        "javascript:alert(1), autoreply.error.link.invalid",
        "http://loja.com.br, autoreply.error.link.https"
    })
    void refusesWhatWhatsAppWouldNotOpenFromALiveNumber(String typed, String messageKey) {
        assertThatThrownBy(() -> ReplyLink.parse(typed, false))
                .isInstanceOfSatisfying(
                        InvalidSetting.class,
                        invalid -> assertThat(invalid.messageKey()).isEqualTo(messageKey));
    }

    @ParameterizedTest
    @CsvSource({"http://localhost:8080/loja", "https://loja.com.br"})
    void theSandboxAlsoTakesHttp(String typed) {
        assertThat(ReplyLink.parse(typed, true).toString()).isEqualTo(typed);
    }
}
