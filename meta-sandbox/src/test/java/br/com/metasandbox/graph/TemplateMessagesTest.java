package br.com.metasandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.com.metasandbox.state.MessageTemplate;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A template filled in for the customer's phone, and the parameter checks of a send, without a database. */
class TemplateMessagesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String ORDER = """
            [{"type":"HEADER","format":"TEXT","text":"Pedido {{1}}"},
             {"type":"BODY","text":"Olá {{1}}, seu pedido de {{2}} chega até {{3}}."},
             {"type":"FOOTER","text":"Loja Exemplo"},
             {"type":"BUTTONS","buttons":[
               {"type":"URL","text":"Acompanhar","url":"https://loja.com.br/p/{{1}}"},
               {"type":"QUICK_REPLY","text":"Parar"}]}]""";

    @Test
    void fillsEachPositionalVariableWithItsOwnParameterEvenWhenTwoValuesAreEqual() {
        TemplateMessages.Rendered rendered = TemplateMessages.render(template(ORDER, "POSITIONAL"), send("""
                        [{"type":"header","parameters":[{"type":"text","text":"42"}]},
                         {"type":"body","parameters":[{"type":"text","text":"Ana"},
                           {"type":"currency","currency":{"fallback_value":"R$ 10,00","code":"BRL","amount_1000":10000}},
                           {"type":"text","text":"Ana"}]},
                         {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"abc"}]}]"""));

        assertThat(rendered.header()).isEqualTo("Pedido 42");
        assertThat(rendered.body()).isEqualTo("Olá Ana, seu pedido de R$ 10,00 chega até Ana.");
        assertThat(rendered.footer()).isEqualTo("Loja Exemplo");
        assertThat(rendered.buttons())
                .containsExactly(
                        new TemplateMessages.Button("Acompanhar", "https://loja.com.br/p/abc"),
                        new TemplateMessages.Button("Parar", null));
    }

    @Test
    void fillsNamedVariablesByNameInAnyOrder() {
        TemplateMessages.Rendered rendered = TemplateMessages.render(
                template("[{\"type\":\"BODY\",\"text\":\"Olá {{nome}}, use {{cupom}}.\"}]", "NAMED"), send("""
                        [{"type":"body","parameters":[
                          {"type":"text","parameter_name":"cupom","text":"BEMVINDO"},
                          {"type":"text","parameter_name":"nome","text":"Ana"}]}]"""));

        assertThat(rendered.body()).isEqualTo("Olá Ana, use BEMVINDO.");
        assertThat(rendered.header()).isNull();
        assertThat(rendered.buttons()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            right                 | [{"type":"header","parameters":[{"type":"text","text":"42"}]},{"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"x"},{"type":"text","text":"y"}]},{"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"1"}]}] |
            body one short        | [{"type":"header","parameters":[{"type":"text","text":"42"}]},{"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"x"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"1"}]}] | 132000
            no header             | [{"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"x"},{"type":"text","text":"y"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"1"}]}] | 132000
            button of other index | [{"type":"header","parameters":[{"type":"text","text":"42"}]},{"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"x"},{"type":"text","text":"y"}]},{"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"1"}]}] | 132000
            named in positional   | [{"type":"header","parameters":[{"type":"text","text":"42"}]},{"type":"body","parameters":[{"type":"text","parameter_name":"1","text":"Ana"},{"type":"text","text":"x"},{"type":"text","text":"y"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"1"}]}] | 132012
            image in the body     | [{"type":"header","parameters":[{"type":"text","text":"42"}]},{"type":"body","parameters":[{"type":"image","image":{"link":"https://x/y.png"}},{"type":"text","text":"x"},{"type":"text","text":"y"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"1"}]}] | 132012
            blank text            | [{"type":"header","parameters":[{"type":"text","text":"42"}]},{"type":"body","parameters":[{"type":"text","text":" "},{"type":"text","text":"x"},{"type":"text","text":"y"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"1"}]}] | 131008
            """)
    void checksTheSendsParametersAgainstTheTemplatesVariables(String name, String components, @Nullable Integer code) {
        Runnable check = () -> TemplateMessages.checkParameters(template(ORDER, "POSITIONAL"), send(components));
        if (code == null) {
            assertThatCode(check::run).doesNotThrowAnyException();
        } else {
            GraphRefusal refusal = catchThrowableOfType(GraphRefusal.class, check::run);
            assertThat(refusal).as(name).isNotNull();
            assertThat(refusal.code()).as(name).isEqualTo(code);
        }
    }

    @Test
    void aMediaHeaderNeedsOneParameterOfItsKind() {
        MessageTemplate image = template(
                "[{\"type\":\"HEADER\",\"format\":\"IMAGE\"},{\"type\":\"BODY\",\"text\":\"Chegou a coleção nova.\"}]",
                "POSITIONAL");

        assertThatCode(
                        () -> TemplateMessages.checkParameters(
                                image,
                                send(
                                        "[{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":\"https://x/y.png\"}}]}]")))
                .doesNotThrowAnyException();
        assertThat(catchThrowableOfType(GraphRefusal.class, () -> TemplateMessages.checkParameters(image, send("[]")))
                        .code())
                .isEqualTo(132000);
        assertThat(catchThrowableOfType(
                                GraphRefusal.class,
                                () -> TemplateMessages.checkParameters(
                                        image,
                                        send(
                                                "[{\"type\":\"header\",\"parameters\":[{\"type\":\"video\",\"video\":{\"link\":\"https://x/y.mp4\"}}]}]")))
                        .code())
                .isEqualTo(132012);
    }

    private static MessageTemplate template(String components, String format) {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        return new MessageTemplate(
                "1",
                "2",
                "pedido",
                "pt_BR",
                "UTILITY",
                format,
                components,
                MessageTemplate.APPROVED,
                "NONE",
                "UNKNOWN",
                null,
                null,
                null,
                null,
                now,
                now);
    }

    private static JsonNode send(String components) {
        return JSON.readTree(
                "{\"name\":\"pedido\",\"language\":{\"code\":\"pt_BR\"},\"components\":" + components + "}");
    }
}
