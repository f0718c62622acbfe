package br.com.metasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Message templates a test sends with: created over Graph on the scene's WABA, then decided by Meta's people. */
public final class SandboxTemplateFixtures {

    private SandboxTemplateFixtures() {}

    /** A template created and APPROVED by hand (no automatic review left to change it); its id. */
    public static String approved(SandboxMeta meta, Graph graph, SandboxScene scene, Map<String, ?> template) {
        String id = created(graph, scene, template);
        meta.decideTemplate(id, "APPROVED", null);
        return id;
    }

    /** A template as Graph created it, PENDING its automatic review; its id. */
    public static String created(Graph graph, SandboxScene scene, Map<String, ?> template) {
        Graph.Answer answer = graph.postJson("/" + scene.waba().id() + "/message_templates", scene.token(), template);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().path("id").asString();
    }

    /** A positional pt_BR template with only a body (its example values are "Ana", "42", …). */
    public static Map<String, Object> withBody(String name, String category, String body) {
        return template(name, category, "positional", List.of(body(body, List.of())));
    }

    /**
     * A template with a text header, a body, a footer and a URL button whose link ends in a variable, as a
     * store's order update.
     */
    public static Map<String, Object> orderShipped(String name) {
        return template(
                name,
                "UTILITY",
                "positional",
                List.of(
                        Map.of(
                                "type",
                                "HEADER",
                                "format",
                                "TEXT",
                                "text",
                                "Pedido {{1}}",
                                "example",
                                Map.of("header_text", List.of("42"))),
                        body("Olá {{1}}, seu pedido saiu para entrega e chega até {{2}}.", List.of()),
                        Map.of("type", "FOOTER", "text", "Loja Exemplo"),
                        Map.of(
                                "type",
                                "BUTTONS",
                                "buttons",
                                List.of(
                                        Map.of(
                                                "type",
                                                "URL",
                                                "text",
                                                "Acompanhar pedido",
                                                "url",
                                                "https://loja.com.br/pedidos/{{1}}",
                                                "example",
                                                List.of("https://loja.com.br/pedidos/42")),
                                        Map.of("type", "QUICK_REPLY", "text", "Parar promoções")))));
    }

    /** A named template: "Olá {{nome}}, seu cupom {{cupom}} …". */
    public static Map<String, Object> named(String name, String category) {
        return template(
                name,
                category,
                "named",
                List.of(body(
                        "Olá {{nome}}, seu cupom {{cupom}} vale nesta semana.",
                        List.of(
                                Map.of("param_name", "nome", "example", "Ana"),
                                Map.of("param_name", "cupom", "example", "BEMVINDO")))));
    }

    private static Map<String, Object> template(
            String name, String category, String format, List<Map<String, Object>> components) {
        return Map.of(
                "name",
                name,
                "category",
                category,
                "language",
                "pt_BR",
                "parameter_format",
                format,
                "components",
                components);
    }

    private static Map<String, Object> body(String text, List<Map<String, Object>> named) {
        if (!named.isEmpty()) {
            return Map.of("type", "BODY", "text", text, "example", Map.of("body_text_named_params", named));
        }
        List<String> examples = new ArrayList<>();
        for (int i = 1; text.contains("{{" + i + "}}"); i++) {
            examples.add(i == 1 ? "Ana" : Integer.toString(40 + i));
        }
        return examples.isEmpty()
                ? Map.of("type", "BODY", "text", text)
                : Map.of("type", "BODY", "text", text, "example", Map.of("body_text", List.of(examples)));
    }

    /** The {@code template} object of a send: name, pt_BR and the given components. */
    public static Map<String, Object> send(String name, List<Map<String, Object>> components) {
        return Map.of("name", name, "language", Map.of("code", "pt_BR"), "components", components);
    }

    /** A send's component of {@code type} ("header", "body") with positional text parameters. */
    public static Map<String, Object> texts(String type, String... values) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (String value : values) {
            parameters.add(Map.of("type", "text", "text", value));
        }
        return Map.of("type", type, "parameters", parameters);
    }

    /** The URL button's parameter at {@code index}. */
    public static Map<String, Object> urlButton(int index, String value) {
        return Map.of(
                "type",
                "button",
                "sub_type",
                "url",
                "index",
                Integer.toString(index),
                "parameters",
                List.of(Map.of("type", "text", "text", value)));
    }

    /** A whole template message to {@code to}. */
    public static Map<String, Object> message(String to, Map<String, Object> template, @Nullable String opaque) {
        return opaque == null
                ? Map.of("messaging_product", "whatsapp", "to", to, "type", "template", "template", template)
                : Map.of(
                        "messaging_product",
                        "whatsapp",
                        "to",
                        to,
                        "type",
                        "template",
                        "template",
                        template,
                        "biz_opaque_callback_data",
                        opaque);
    }
}
