package br.com.whatsappoficial.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadContentsTest {

    private final ReadContents contents = new ReadContents();

    @Test
    void theSameJsonIsReadOnceAndAnotherIsReadAsItSays() {
        String json = """
                {"body": "Olá {{1}}", "examples": {"1": "Ana"}, "format": "POSITIONAL"}""";

        TemplateContent first = contents.of(json);

        assertThat(contents.of(new String(json))).isSameAs(first);
        assertThat(first.body()).isEqualTo("Olá {{1}}");
        assertThat(contents.of(json.replace("Olá", "Oi")).body()).isEqualTo("Oi {{1}}");
    }

    @Test
    void pastTheMostItStartsOver() {
        String json = """
                {"body": "Pedido enviado"}""";
        TemplateContent first = contents.of(json);
        for (int i = 0; i < ReadContents.MOST; i++) {
            contents.of("{\"body\": \"" + i + "\"}");
        }

        assertThat(contents.of(json)).isNotSameAs(first).isEqualTo(first);
    }
}
