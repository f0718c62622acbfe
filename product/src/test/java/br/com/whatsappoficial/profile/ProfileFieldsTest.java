package br.com.whatsappoficial.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileFieldsTest {

    @Test
    void keepsWhatFitsMetasLimitsTrimmedAndEmptyFieldsAsNone() {
        ProfileFields fields = ProfileFields.typed(
                " Moda praia ", "", null, "contato@loja.com.br", "https://loja.com.br", "  ", "APPAREL");

        assertThat(fields.about()).isEqualTo("Moda praia");
        assertThat(fields.description()).isNull();
        assertThat(fields.websites()).containsExactly("https://loja.com.br");
        assertThat(fields.vertical()).isEqualTo(Vertical.APPAREL);
    }

    @Test
    void namesEveryFieldThatBreaksARuleAtOnce() {
        Map<String, String> problems = catchThrowableOfType(
                        ProfileFieldsRefused.class,
                        () -> ProfileFields.typed(
                                "a".repeat(140),
                                "d".repeat(513),
                                "r".repeat(257),
                                "sem-arroba",
                                "http://loja.com.br",
                                "https://",
                                "PADARIA"))
                .problems();

        assertThat(problems)
                .containsEntry("about", "profile.about.too-long")
                .containsEntry("description", "profile.description.too-long")
                .containsEntry("address", "profile.address.too-long")
                .containsEntry("email", "profile.email.invalid")
                .containsEntry("website1", "profile.website.invalid")
                .containsEntry("website2", "profile.website.invalid")
                .containsEntry("vertical", "profile.vertical.invalid");
    }

    @Test
    void countsCharactersAsMetaDoesNotUtf16Units() {
        assertThat(ProfileFields.typed("🌊".repeat(139), null, null, null, null, null, null)
                        .about())
                .hasSize(278);
    }

    @Test
    void refusesAnEmailLongerThanMetaTakes() {
        String email = "a".repeat(120) + "@loja.com.br";

        assertThat(catchThrowableOfType(
                                ProfileFieldsRefused.class,
                                () -> ProfileFields.typed(null, null, null, email, null, null, null))
                        .problems())
                .containsEntry("email", "profile.email.too-long");
    }

    @Test
    void meetsMetasCopyDespiteItsTrailingSlashAndLeftOutFields() {
        ProfileFields ours =
                new ProfileFields(null, "Loja online.", null, null, List.of("https://loja.com.br"), Vertical.RETAIL);

        assertThat(ours.sameAs("Recado da Meta", "Loja online.", null, "", List.of("https://loja.com.br/"), "RETAIL"))
                .isTrue();
        assertThat(ours.sameAs(null, "Outra descrição", null, null, List.of("https://loja.com.br/"), "RETAIL"))
                .isFalse();
    }
}
