package br.com.whatsappoficial.template;

import br.com.whatsappoficial.meta.MessageTemplate;
import br.com.whatsappoficial.meta.MessageTemplateComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a template says: header, body, footer, buttons and the examples of its variables. Content that
 * came from Meta is kept as Meta holds it, even where the editor's rules would refuse it (a template
 * made in WhatsApp Manager with an image header or a code button is still the store's template).
 *
 * @param examples the body's examples by variable name ({@code "1"} or {@code "nome"})
 * @param mediaHeader a header that shows a file instead of text ({@code header} is then null)
 */
public record TemplateContent(
        @Nullable String header,
        @Nullable String headerExample,
        String body,
        @Nullable String footer,
        List<TemplateButton> buttons,
        Map<String, String> examples,
        ParameterFormat format,
        @Nullable MediaHeader mediaHeader) {

    public TemplateContent {
        body = body == null ? "" : body;
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        examples = examples == null ? Map.of() : Map.copyOf(examples);
        format = format == null ? ParameterFormat.POSITIONAL : format;
    }

    /** The content of a template the rules accepted. */
    static TemplateContent of(NewTemplate template) {
        return new TemplateContent(
                template.header(),
                template.headerExample(),
                template.body(),
                template.footer(),
                template.buttons(),
                template.examples(),
                TemplateRules.formatOf(template),
                template.mediaHeader());
    }

    /** The header's one variable a send must fill, if its header is text with a variable. */
    public @Nullable String headerVariable() {
        List<String> variables = header == null ? List.of() : TemplateVariables.of(header);
        return variables.isEmpty() ? null : variables.getFirst();
    }

    /** The positions (from 0, as Meta counts all buttons) of the URL buttons whose link each send completes. */
    public List<Integer> dynamicButtons() {
        List<Integer> dynamic = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            if (buttons.get(i).dynamic()) {
                dynamic.add(i);
            }
        }
        return List.copyOf(dynamic);
    }

    /** The body's variables in order of first appearance: what a send must fill. */
    public List<String> variables() {
        return List.copyOf(new LinkedHashSet<>(TemplateVariables.of(body)));
    }

    /** The text as the customer would read it with the examples in place of the variables. */
    public Preview preview() {
        String headerText = header == null
                ? null
                : TemplateVariables.fill(header, name -> headerExample == null ? null : headerExample);
        return new Preview(
                headerText,
                mediaHeader == null ? null : mediaHeader.format(),
                TemplateVariables.fill(body, examples::get),
                footer,
                buttons);
    }

    /** @param media the kind of file the header shows, when it shows one */
    public record Preview(
            @Nullable String header,
            MediaHeader.@Nullable Format media,
            String body,
            @Nullable String footer,
            List<TemplateButton> buttons) {}

    List<MessageTemplateComponent> toMeta() {
        List<MessageTemplateComponent> components = new ArrayList<>();
        boolean named = format == ParameterFormat.NAMED;
        if (mediaHeader != null) {
            components.add(
                    MessageTemplateComponent.mediaHeader(mediaHeader.format().name(), mediaHeader.handle()));
        } else if (header != null) {
            List<String> variables = TemplateVariables.of(header);
            MessageTemplateComponent.Example example = variables.isEmpty() || headerExample == null
                    ? null
                    : named
                            ? new MessageTemplateComponent.Example(
                                    null,
                                    null,
                                    List.of(new MessageTemplateComponent.NamedParameter(
                                            variables.getFirst(), headerExample)),
                                    null)
                            : new MessageTemplateComponent.Example(List.of(headerExample), null, null, null);
            components.add(MessageTemplateComponent.text("HEADER", header, example));
        }
        List<String> variables = variables();
        MessageTemplateComponent.Example bodyExample = variables.isEmpty()
                ? null
                : named
                        ? new MessageTemplateComponent.Example(
                                null,
                                null,
                                null,
                                variables.stream()
                                        .map(name -> new MessageTemplateComponent.NamedParameter(
                                                name, examples.getOrDefault(name, "")))
                                        .toList())
                        : new MessageTemplateComponent.Example(
                                null,
                                List.of(variables.stream()
                                        .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                                        .map(name -> examples.getOrDefault(name, ""))
                                        .toList()),
                                null,
                                null);
        components.add(MessageTemplateComponent.text("BODY", body, bodyExample));
        if (footer != null) {
            components.add(MessageTemplateComponent.text("FOOTER", footer, null));
        }
        if (!buttons.isEmpty()) {
            components.add(MessageTemplateComponent.buttons(buttons.stream()
                    .map(button -> new MessageTemplateComponent.Button(
                            button.type().name(),
                            button.text(),
                            button.type() == TemplateButton.Type.URL ? button.value() : null,
                            button.type() == TemplateButton.Type.PHONE_NUMBER ? button.value() : null,
                            button.dynamic() ? List.of(String.valueOf(button.exampleUrl())) : null))
                    .toList()));
        }
        return components;
    }

    static TemplateContent fromMeta(MessageTemplate template) {
        String header = null;
        String headerExample = null;
        MediaHeader media = null;
        String body = "";
        String footer = null;
        List<TemplateButton> buttons = new ArrayList<>();
        Map<String, String> examples = new LinkedHashMap<>();
        for (MessageTemplateComponent component : template.components()) {
            MessageTemplateComponent.Example example = component.example();
            switch (component.type().toUpperCase(java.util.Locale.ROOT)) {
                case "HEADER" -> {
                    var format = MediaHeader.Format.fromMeta(Objects.requireNonNullElse(component.format(), "TEXT"));
                    if (format.isPresent()) {
                        List<String> handles = example == null ? null : example.headerHandle();
                        media = new MediaHeader(
                                format.get(), handles == null || handles.isEmpty() ? "" : handles.getFirst());
                        continue;
                    }
                    header = component.text();
                    if (example != null
                            && example.headerText() != null
                            && !example.headerText().isEmpty()) {
                        headerExample = example.headerText().getFirst();
                    } else if (example != null
                            && example.headerTextNamedParams() != null
                            && !example.headerTextNamedParams().isEmpty()) {
                        headerExample =
                                example.headerTextNamedParams().getFirst().example();
                    }
                }
                case "BODY" -> {
                    body = Objects.requireNonNullElse(component.text(), "");
                    if (example != null
                            && example.bodyText() != null
                            && !example.bodyText().isEmpty()) {
                        List<String> values = example.bodyText().getFirst();
                        for (int i = 0; i < values.size(); i++) {
                            examples.put(Integer.toString(i + 1), values.get(i));
                        }
                    }
                    if (example != null && example.bodyTextNamedParams() != null) {
                        example.bodyTextNamedParams()
                                .forEach(param -> examples.put(param.paramName(), param.example()));
                    }
                }
                case "FOOTER" -> footer = component.text();
                case "BUTTONS" -> {
                    for (MessageTemplateComponent.Button button : Objects.requireNonNullElse(
                            component.buttons(), List.<MessageTemplateComponent.Button>of())) {
                        buttons.add(button(button));
                    }
                }
                default -> {}
            }
        }
        ParameterFormat format = "NAMED".equalsIgnoreCase(template.parameterFormat())
                ? ParameterFormat.NAMED
                : ParameterFormat.POSITIONAL;
        return new TemplateContent(header, headerExample, body, footer, buttons, examples, format, media);
    }

    /**
     * Meta lists a dynamic URL button's example as the whole URL; the product keeps only the part in place
     * of the variable, as the editor asks for it.
     */
    private static @Nullable String urlExample(MessageTemplateComponent.Button button) {
        if (button.example() == null || button.example().isEmpty() || button.url() == null) {
            return null;
        }
        String full = button.example().getFirst();
        int variable = button.url().indexOf("{{");
        String prefix = variable < 0 ? "" : button.url().substring(0, variable);
        return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
    }

    private static TemplateButton button(MessageTemplateComponent.Button button) {
        return switch (button.type().toUpperCase(java.util.Locale.ROOT)) {
            case "QUICK_REPLY" -> new TemplateButton(TemplateButton.Type.QUICK_REPLY, button.text(), null);
            case "URL" -> new TemplateButton(TemplateButton.Type.URL, button.text(), button.url(), urlExample(button));
            case "PHONE_NUMBER" ->
                new TemplateButton(TemplateButton.Type.PHONE_NUMBER, button.text(), button.phoneNumber());
            default -> new TemplateButton(TemplateButton.Type.OTHER, button.text(), null);
        };
    }
}
