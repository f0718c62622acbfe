package br.com.whatsappoficial.template;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.whatsappoficial.meta.MessageTemplate;
import br.com.whatsappoficial.template.TemplateButton.Type;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Image headers and URL buttons whose link ends in a variable: what the editor refuses before Meta would,
 * and the shapes they take in Meta's create call and come back in from Meta's listing.
 */
class MediaAndLinkTemplatesTest {

    /** Graph's JSON as the meta module writes and reads it. */
    static final JsonMapper GRAPH_JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

    static NewTemplate withButton(TemplateButton button) {
        return template(List.of(button), null, null);
    }

    static NewTemplate template(List<TemplateButton> buttons, MediaHeader media, MediaSample sample) {
        return new NewTemplate(
                "pedido_enviado",
                TemplateCategory.UTILITY,
                "pt_BR",
                null,
                null,
                "Olá {{1}}, seu pedido saiu para entrega.",
                null,
                buttons,
                Map.of("1", "Ana"),
                media,
                sample);
    }

    static List<String> codes(NewTemplate template) {
        return TemplateRules.check(template).stream().map(TemplateProblem::code).toList();
    }

    @Test
    void aLinkEndingInItsOneVariableWithAnExampleIsAccepted() {
        NewTemplate template =
                withButton(new TemplateButton(Type.URL, "Ver pedido", "https://loja.example/pedido/{{1}}", "1001"));

        assertThat(codes(template)).isEmpty();
        assertThat(template.buttons().getFirst().exampleUrl()).isEqualTo("https://loja.example/pedido/1001");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            variable in the middle        | https://loja.example/{{1}}/pedido      | 1001      | buttons.url-variable
            two variables                 | https://loja.example/{{1}}/{{2}}       | 1001      | buttons.url-variable
            a variable other than {{1}}   | https://loja.example/pedido/{{2}}      | 1001      | buttons.url-variable
            a named variable              | https://loja.example/pedido/{{pedido}} | 1001      | buttons.url-variable
            only a variable               | {{1}}                                  | https://x | buttons.url-variable
            no example                    | https://loja.example/pedido/{{1}}      |           | buttons.url-example
            an example with a variable    | https://loja.example/pedido/{{1}}      | {{1}}     | buttons.url-example-invalid
            """)
    void refusesALinkVariableMetaWouldRefuse(String what, String url, String example, String problem) {
        assertThat(codes(withButton(new TemplateButton(Type.URL, "Ver pedido", url, example))))
                .containsExactly(problem);
    }

    @Test
    void anImageHeaderNeedsAPngOrJpegOfAtMostFiveMegabytes() {
        assertThat(codes(template(List.of(), null, new MediaSample("foto.png", PNG))))
                .isEmpty();
        assertThat(codes(template(List.of(), null, new MediaSample("foto.jpg", JPEG))))
                .isEmpty();
        assertThat(codes(template(List.of(), null, new MediaSample("", new byte[0]))))
                .containsExactly("header.image-missing");
        assertThat(codes(template(List.of(), null, new MediaSample("foto.png", "GIF89a...".getBytes()))))
                .as("the bytes decide, not the name")
                .containsExactly("header.image-type");
        byte[] big = new byte[MediaSample.IMAGE_MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThat(codes(template(List.of(), null, new MediaSample("foto.png", big))))
                .containsExactly("header.image-size");
    }

    @Test
    void theCreateCallCarriesTheHeadersHandleAndTheLinksFullExample() {
        NewTemplate template = template(
                List.of(new TemplateButton(Type.URL, "Ver pedido", "https://loja.example/pedido/{{1}}", "1001")),
                new MediaHeader(MediaHeader.Format.IMAGE, "4::aW1hZ2U="),
                null);

        String json = GRAPH_JSON.writeValueAsString(TemplateContent.of(template).toMeta());

        assertThat(json)
                .contains(
                        "{\"type\":\"HEADER\",\"format\":\"IMAGE\",\"example\":{\"header_handle\":[\"4::aW1hZ2U=\"]}}")
                .contains(
                        "\"url\":\"https://loja.example/pedido/{{1}}\",\"example\":[\"https://loja.example/pedido/1001\"]");
    }

    @Test
    void aTemplateListedByMetaWithAnImageHeaderKeepsItThroughAnEdit() {
        MessageTemplate listed = GRAPH_JSON.readValue("""
                {"id": "1", "name": "oferta_semana", "status": "APPROVED", "category": "MARKETING",
                 "language": "pt_BR", "parameter_format": "POSITIONAL",
                 "components": [
                   {"type": "HEADER", "format": "IMAGE",
                    "example": {"header_handle": ["https://scontent.whatsapp.net/v/exemplo.jpg"]}},
                   {"type": "BODY", "text": "Oi {{1}}, chegou a coleção nova.", "example": {"body_text": [["Ana"]]}},
                   {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Ver", "url": "https://loja.example/c/{{1}}",
                     "example": ["https://loja.example/c/verao"]}]}]}""", MessageTemplate.class);

        TemplateContent content = TemplateContent.fromMeta(listed);

        assertThat(content.mediaHeader())
                .isEqualTo(new MediaHeader(MediaHeader.Format.IMAGE, "https://scontent.whatsapp.net/v/exemplo.jpg"));
        assertThat(content.header()).isNull();
        assertThat(content.buttons().getFirst().example()).isEqualTo("verao");
        assertThat(content.dynamicButtons()).containsExactly(0);

        // The editor shows it as an image header and posts the kept handle back.
        TemplateForm form = new TemplateForm(
                "oferta_semana",
                TemplateCategory.MARKETING,
                "pt_BR",
                "",
                "",
                content.body(),
                "",
                List.of(new TemplateForm.ButtonForm(Type.URL, "Ver", "https://loja.example/c/{{1}}", "verao")),
                content.examples(),
                "IMAGE",
                content.mediaHeader().handle());
        NewTemplate edited = form.template(null);
        assertThat(TemplateRules.check(edited)).isEmpty();
        assertThat(GRAPH_JSON.writeValueAsString(TemplateContent.of(edited).toMeta()))
                .contains(
                        "\"format\":\"IMAGE\",\"example\":{\"header_handle\":[\"https://scontent.whatsapp.net/v/exemplo.jpg\"]}");
    }

    @Test
    void thePreviewShowsTheImageKindAndTheLinkWithItsExample() {
        TemplateContent.Preview preview = TemplateContent.of(template(
                        List.of(new TemplateButton(Type.URL, "Ver", "https://loja.example/p/{{1}}", "1001")),
                        new MediaHeader(MediaHeader.Format.IMAGE, "h"),
                        null))
                .preview();

        assertThat(preview.media()).isEqualTo(MediaHeader.Format.IMAGE);
        assertThat(preview.buttons().getFirst().exampleUrl()).isEqualTo("https://loja.example/p/1001");
    }
}
