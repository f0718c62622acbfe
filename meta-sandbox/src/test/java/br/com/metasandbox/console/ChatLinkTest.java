package br.com.metasandbox.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatLinkTest {

    @Test
    void opensAWaMeLinkWithItsPrefilledText() {
        assertThat(ChatLink.parse("https://wa.me/5511912345678?text=TESTE-ABC234"))
                .contains(new ChatLink("+5511912345678", "TESTE-ABC234"));
        assertThat(ChatLink.parse(" https://wa.me/5511912345678?text=Ol%C3%A1%20loja "))
                .contains(new ChatLink("+5511912345678", "Olá loja"));
    }

    @Test
    void opensTheApiWhatsAppFormAndALinkWithoutText() {
        assertThat(ChatLink.parse("https://api.whatsapp.com/send?phone=5511912345678&text=oi"))
                .contains(new ChatLink("+5511912345678", "oi"));
        assertThat(ChatLink.parse("https://wa.me/5511912345678")).contains(new ChatLink("+5511912345678", ""));
    }

    @Test
    void refusesAnythingElse() {
        assertThat(ChatLink.parse("https://example.com/5511912345678?text=oi")).isEmpty();
        assertThat(ChatLink.parse("https://wa.me/loja?text=oi")).isEmpty();
        assertThat(ChatLink.parse("não é um link")).isEmpty();
        assertThat(ChatLink.parse("")).isEmpty();
    }
}
