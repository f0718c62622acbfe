package br.com.whatsappoficial.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.whatsappoficial.template.TemplateButton.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The editor refuses what Meta would refuse, one rule per row, each starting from a template Meta accepts. */
class TemplateRulesTest {

    static final NewTemplate ACCEPTED = new NewTemplate(
            "pedido_enviado",
            TemplateCategory.UTILITY,
            "pt_BR",
            "Pedido {{1}}",
            "#4521",
            "Olá {{1}}, seu pedido saiu para entrega e chega até {{2}}.",
            "Loja Exemplo",
            List.of(
                    new TemplateButton(Type.URL, "Acompanhar", "https://loja.example/rastreio"),
                    new TemplateButton(Type.QUICK_REPLY, "Falar com a loja", null),
                    new TemplateButton(Type.PHONE_NUMBER, "Ligar", "+5511912345678")),
            Map.of("1", "Ana", "2", "sexta-feira"),
            null,
            null);

    @Test
    void acceptsATemplateMetaAccepts() {
        assertThat(TemplateRules.check(ACCEPTED)).isEmpty();
    }

    @Test
    void acceptsNamedVariablesWithTheirExamples() {
        NewTemplate named = with(t -> template(
                t.name(),
                t.category(),
                null,
                null,
                "Oi {{nome}}, seu cupom {{codigo_cupom}} vale hoje.",
                t.footer(),
                List.of(),
                Map.of("nome", "Ana", "codigo_cupom", "BLACK10")));

        assertThat(TemplateRules.check(named)).isEmpty();
        assertThat(TemplateRules.formatOf(named)).isEqualTo(ParameterFormat.NAMED);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row("no name", t -> rename(t, ""), "name.blank"),
                row("uppercase name", t -> rename(t, "Pedido_Enviado"), "name.format"),
                row("name with a space", t -> rename(t, "pedido enviado"), "name.format"),
                row("name with an accent", t -> rename(t, "promoção"), "name.format"),
                row("name with a hyphen", t -> rename(t, "pedido-enviado"), "name.format"),
                row("name over 512", t -> rename(t, "a".repeat(513)), "name.length"),
                row("unknown language", t -> relanguage(t, "português"), "language"),
                row(
                        "authentication from free text",
                        t -> recategorise(t, TemplateCategory.AUTHENTICATION),
                        "category.authentication"),
                row("no body", t -> rebody(t, "   ", Map.of()), "body.blank"),
                row("body over 1024", t -> rebody(t, "Olá " + "a".repeat(1021), Map.of()), "body.length"),
                row(
                        "body starts with a variable",
                        t -> rebody(t, "{{1}}, seu pedido saiu.", Map.of("1", "Ana")),
                        "body.starts-with-variable"),
                row(
                        "body starts with a variable after spaces",
                        t -> rebody(t, "  {{1}} chegou.", Map.of("1", "Ana")),
                        "body.starts-with-variable"),
                row(
                        "body ends with a variable",
                        t -> rebody(t, "Seu pedido chega {{1}}", Map.of("1", "sexta")),
                        "body.ends-with-variable"),
                row(
                        "positional and named mixed",
                        t -> rebody(t, "Oi {{1}}, seu cupom {{cupom}} vale.", Map.of("1", "Ana", "cupom", "X")),
                        "variables.mixed"),
                row(
                        "a number skipped",
                        t -> rebody(t, "Oi {{1}}, chega {{3}}.", Map.of("1", "Ana", "3", "sexta")),
                        "variables.sequence"),
                row(
                        "numbering not from 1",
                        t -> rebody(t, "Oi {{2}}, tudo bem?", Map.of("2", "Ana")),
                        "variables.sequence"),
                row(
                        "named variable in uppercase",
                        t -> template(
                                t.name(),
                                t.category(),
                                null,
                                null,
                                "Oi {{Nome}}, tudo bem?",
                                null,
                                List.of(),
                                Map.of("Nome", "Ana")),
                        "variables.name"),
                row(
                        "a body variable without example",
                        t -> rebody(t, t.body(), Map.of("1", "Ana")),
                        "examples.missing"),
                row("a blank example", t -> rebody(t, t.body(), Map.of("1", "Ana", "2", "  ")), "examples.missing"),
                row(
                        "an example holding a variable",
                        t -> rebody(t, t.body(), Map.of("1", "Ana", "2", "{{2}}")),
                        "examples.invalid"),
                row("header variable without example", t -> reheader(t, "Pedido {{1}}", null), "examples.header"),
                row("header over 60", t -> reheader(t, "P".repeat(61), null), "header.length"),
                row("header with two variables", t -> reheader(t, "{{1}} e {{2}}", "x"), "header.variables"),
                row("header on two lines", t -> reheader(t, "Pedido\nenviado", null), "header.newline"),
                row("footer over 60", t -> refooter(t, "F".repeat(61)), "footer.length"),
                row("footer with a variable", t -> refooter(t, "Loja {{1}}"), "footer.variables"),
                row("eleven buttons", t -> rebuttons(t, quickReplies(11)), "buttons.count"),
                row(
                        "three URL buttons",
                        t -> rebuttons(
                                t,
                                List.of(
                                        new TemplateButton(Type.URL, "A", "https://a.example"),
                                        new TemplateButton(Type.URL, "B", "https://b.example"),
                                        new TemplateButton(Type.URL, "C", "https://c.example"))),
                        "buttons.url-count"),
                row(
                        "two phone buttons",
                        t -> rebuttons(
                                t,
                                List.of(
                                        new TemplateButton(Type.PHONE_NUMBER, "A", "+5511912345678"),
                                        new TemplateButton(Type.PHONE_NUMBER, "B", "+5511912345679"))),
                        "buttons.phone-count"),
                row(
                        "button text over 25",
                        t -> rebuttons(t, List.of(new TemplateButton(Type.QUICK_REPLY, "B".repeat(26), null))),
                        "buttons.text-length"),
                row(
                        "button without text",
                        t -> rebuttons(t, List.of(new TemplateButton(Type.QUICK_REPLY, " ", null))),
                        "buttons.text-blank"),
                row(
                        "two buttons with one text",
                        t -> rebuttons(
                                t,
                                List.of(
                                        new TemplateButton(Type.QUICK_REPLY, "Sim", null),
                                        new TemplateButton(Type.QUICK_REPLY, "Sim", null))),
                        "buttons.text-repeated"),
                row(
                        "URL button without address",
                        t -> rebuttons(t, List.of(new TemplateButton(Type.URL, "Site", null))),
                        "buttons.url"),
                row(
                        "URL button to another scheme",
                        t -> rebuttons(t, List.of(new TemplateButton(Type.URL, "Site", "javascript:alert(1)"))),
                        "buttons.url"),
                row(
                        "phone button without country code",
                        t -> rebuttons(t, List.of(new TemplateButton(Type.PHONE_NUMBER, "Ligar", "11912345678"))),
                        "buttons.phone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWhatMetaWouldRefuse(String what, UnaryOperator<NewTemplate> change, String problem) {
        List<TemplateProblem> problems = TemplateRules.check(change.apply(ACCEPTED));

        assertThat(problems).extracting(TemplateProblem::code).contains(problem);
    }

    @Test
    void tellsEveryProblemAtOnce() {
        NewTemplate broken = with(t ->
                template("Nome Ruim", t.category(), null, null, "{{1}} oi {{3}}", "F".repeat(61), List.of(), Map.of()));

        assertThat(TemplateRules.check(broken))
                .extracting(TemplateProblem::code)
                .contains(
                        "name.format",
                        "body.starts-with-variable",
                        "body.ends-with-variable",
                        "variables.sequence",
                        "examples.missing",
                        "footer.length");
    }

    @Test
    void acceptsTheLimitsThemselves() {
        NewTemplate atLimits = with(t -> template(
                "a".repeat(512),
                t.category(),
                "H".repeat(60),
                null,
                "Olá " + "a".repeat(1020),
                "F".repeat(60),
                quickReplies(10),
                Map.of()));

        assertThat(TemplateRules.check(atLimits)).isEmpty();
    }

    @Test
    void aVariableInTheMiddleIsFine() {
        assertThat(TemplateRules.check(rebody(ACCEPTED, "Olá {{1}}!", Map.of("1", "Ana"))))
                .isEmpty();
    }

    @Test
    void aNameIsAValueMetaAccepts() {
        assertThat(new TemplateName("pedido_enviado_2").value()).isEqualTo("pedido_enviado_2");
        assertThatThrownBy(() -> new TemplateName("Pedido")).isInstanceOf(TemplateRefused.class);
    }

    @Test
    void languagesComeWithHyphenOrUnderscore() {
        assertThat(new TemplateLanguage("pt-BR")).isEqualTo(new TemplateLanguage("pt_BR"));
        assertThat(new TemplateLanguage("en").code()).isEqualTo("en");
    }

    @Test
    void thePreviewFillsTheExamplesIn() {
        TemplateContent.Preview preview = TemplateContent.of(ACCEPTED).preview();

        assertThat(preview.header()).isEqualTo("Pedido #4521");
        assertThat(preview.body()).isEqualTo("Olá Ana, seu pedido saiu para entrega e chega até sexta-feira.");
        assertThat(preview.footer()).isEqualTo("Loja Exemplo");
        assertThat(preview.buttons())
                .extracting(TemplateButton::text)
                .containsExactly("Acompanhar", "Falar com a loja", "Ligar");
    }

    @Test
    void aVariableWithoutExampleStaysVisibleInThePreview() {
        TemplateContent.Preview preview = TemplateContent.of(
                        rebody(ACCEPTED, "Olá {{1}}, chega {{2}}.", Map.of("1", "Ana")))
                .preview();

        assertThat(preview.body()).isEqualTo("Olá Ana, chega {{2}}.");
    }

    private static Arguments row(String what, UnaryOperator<NewTemplate> change, String problem) {
        return Arguments.of(what, change, problem);
    }

    private static NewTemplate with(UnaryOperator<NewTemplate> change) {
        return change.apply(ACCEPTED);
    }

    static NewTemplate template(
            String name,
            TemplateCategory category,
            String header,
            String headerExample,
            String body,
            String footer,
            List<TemplateButton> buttons,
            Map<String, String> examples) {
        return new NewTemplate(
                name, category, "pt_BR", header, headerExample, body, footer, buttons, examples, null, null);
    }

    private static NewTemplate rename(NewTemplate t, String name) {
        return new NewTemplate(
                name,
                t.category(),
                t.language(),
                t.header(),
                t.headerExample(),
                t.body(),
                t.footer(),
                t.buttons(),
                t.examples(),
                null,
                null);
    }

    private static NewTemplate relanguage(NewTemplate t, String language) {
        return new NewTemplate(
                t.name(),
                t.category(),
                language,
                t.header(),
                t.headerExample(),
                t.body(),
                t.footer(),
                t.buttons(),
                t.examples(),
                null,
                null);
    }

    private static NewTemplate recategorise(NewTemplate t, TemplateCategory category) {
        return new NewTemplate(
                t.name(),
                category,
                t.language(),
                t.header(),
                t.headerExample(),
                t.body(),
                t.footer(),
                t.buttons(),
                t.examples(),
                null,
                null);
    }

    static NewTemplate rebody(NewTemplate t, String body, Map<String, String> examples) {
        return new NewTemplate(
                t.name(),
                t.category(),
                t.language(),
                t.header(),
                t.headerExample(),
                body,
                t.footer(),
                t.buttons(),
                examples,
                null,
                null);
    }

    private static NewTemplate reheader(NewTemplate t, String header, String example) {
        return new NewTemplate(
                t.name(),
                t.category(),
                t.language(),
                header,
                example,
                t.body(),
                t.footer(),
                t.buttons(),
                t.examples(),
                null,
                null);
    }

    private static NewTemplate refooter(NewTemplate t, String footer) {
        return new NewTemplate(
                t.name(),
                t.category(),
                t.language(),
                t.header(),
                t.headerExample(),
                t.body(),
                footer,
                t.buttons(),
                t.examples(),
                null,
                null);
    }

    private static NewTemplate rebuttons(NewTemplate t, List<TemplateButton> buttons) {
        return new NewTemplate(
                t.name(),
                t.category(),
                t.language(),
                t.header(),
                t.headerExample(),
                t.body(),
                t.footer(),
                buttons,
                t.examples(),
                null,
                null);
    }

    private static List<TemplateButton> quickReplies(int count) {
        List<TemplateButton> buttons = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            buttons.add(new TemplateButton(Type.QUICK_REPLY, "Opção " + i, null));
        }
        return buttons;
    }
}
