package br.com.whatsappoficial.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The editor's fields as the browser posts them: raw text, checked by {@link TemplateRules}, never
 * bound onto a template (the store and Meta's id are not the form's to set).
 */
record TemplateForm(
        @Nullable String name,
        @Nullable TemplateCategory category,
        @Nullable String language,
        @Nullable String header,
        @Nullable String headerExample,
        @Nullable String body,
        @Nullable String footer,
        @Nullable List<ButtonForm> buttons,
        @Nullable Map<String, String> examples) {

    static TemplateForm empty() {
        return new TemplateForm(
                "", TemplateCategory.UTILITY, TemplateLanguage.PT_BR.code(), "", "", "", "", List.of(), Map.of());
    }

    NewTemplate template() {
        List<TemplateButton> chosen = new ArrayList<>();
        for (ButtonForm button : buttons == null ? List.<ButtonForm>of() : buttons) {
            if (button != null && button.type() != null) {
                chosen.add(new TemplateButton(button.type(), button.text(), button.value()));
            }
        }
        Map<String, String> filled = new LinkedHashMap<>();
        if (examples != null) {
            examples.forEach((name, value) -> {
                if (name != null && value != null && !value.isBlank()) {
                    filled.put(name, value.strip());
                }
            });
        }
        return new NewTemplate(
                name,
                category == null ? TemplateCategory.UTILITY : category,
                language,
                header,
                headerExample,
                body,
                footer,
                chosen,
                filled);
    }

    /** The form's button rows, padded with empty ones so the editor always offers a few. */
    List<ButtonForm> buttonRows() {
        List<ButtonForm> rows = new ArrayList<>(buttons == null ? List.of() : buttons);
        while (rows.size() < TemplatesController.BUTTON_ROWS) {
            rows.add(new ButtonForm(null, "", ""));
        }
        return rows;
    }

    public String example(String variable) {
        return examples == null ? "" : examples.getOrDefault(variable, "");
    }

    /** The editor prefilled with a template as it is now, to be edited. */
    static TemplateForm of(Template template) {
        TemplateContent content = template.content();
        return new TemplateForm(
                template.name().value(),
                template.category(),
                template.language().code(),
                content.header(),
                content.headerExample(),
                content.body(),
                content.footer(),
                content.buttons().stream()
                        .map(button -> new ButtonForm(button.type(), button.text(), button.value()))
                        .toList(),
                content.examples());
    }

    /**
     * The form as posted, with what an edit cannot change put back as the template has it: the name and
     * language always, the category unless Meta lets it change.
     */
    TemplateForm editing(Template template) {
        return new TemplateForm(
                template.name().value(),
                template.categoryChangeable() || template.category() == null ? category : template.category(),
                template.language().code(),
                header,
                headerExample,
                body,
                footer,
                buttons,
                examples);
    }

    /** One button row; no type means the row is unused. */
    record ButtonForm(
            TemplateButton.@Nullable Type type,
            @Nullable String text,
            @Nullable String value) {}
}
