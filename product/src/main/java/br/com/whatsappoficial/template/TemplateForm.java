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
        @Nullable Map<String, String> examples,
        @Nullable String headerType,
        @Nullable String headerHandle) {

    /** The header kind that shows an image; any other value (or none) is a text header. */
    static final String IMAGE = "IMAGE";

    static TemplateForm empty() {
        return new TemplateForm(
                "",
                TemplateCategory.UTILITY,
                TemplateLanguage.PT_BR.code(),
                "",
                "",
                "",
                "",
                List.of(),
                Map.of(),
                "TEXT",
                null);
    }

    /** Whether the merchant chose an image header. */
    public boolean imageHeader() {
        return IMAGE.equals(headerType);
    }

    /** A header that shows a file: an image the merchant chose, or a video or document made in WhatsApp Manager. */
    public boolean mediaHeader() {
        return headerType != null && MediaHeader.Format.fromMeta(headerType).isPresent();
    }

    /** The template as typed, before an image header's new file (if any) is known. */
    NewTemplate template() {
        return template(null);
    }

    /**
     * The template as typed. An image header keeps the image Meta already holds ({@code headerHandle}) unless
     * a new file was chosen; with neither, an empty sample makes the rules ask for one.
     */
    NewTemplate template(@Nullable MediaSample chosen) {
        NewTemplate typed = typed();
        if (!mediaHeader() || headerType == null) {
            return typed;
        }
        MediaSample sample = imageHeader() ? chosen : null;
        MediaHeader kept = null;
        if (sample == null && headerHandle != null && !headerHandle.isBlank()) {
            kept = new MediaHeader(MediaHeader.Format.fromMeta(headerType).orElseThrow(), headerHandle);
        } else if (sample == null) {
            sample = new MediaSample("", new byte[0]);
        }
        return new NewTemplate(
                typed.name(),
                typed.category(),
                typed.language(),
                null,
                null,
                typed.body(),
                typed.footer(),
                typed.buttons(),
                typed.examples(),
                kept,
                sample);
    }

    private NewTemplate typed() {
        List<TemplateButton> chosen = new ArrayList<>();
        for (ButtonForm button : buttons == null ? List.<ButtonForm>of() : buttons) {
            if (button != null && button.type() != null) {
                chosen.add(new TemplateButton(button.type(), button.text(), button.value(), button.example()));
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
                filled,
                null,
                null);
    }

    /** The form's button rows, padded with empty ones so the editor always offers a few. */
    List<ButtonForm> buttonRows() {
        List<ButtonForm> rows = new ArrayList<>(buttons == null ? List.of() : buttons);
        while (rows.size() < TemplatesController.BUTTON_ROWS) {
            rows.add(new ButtonForm(null, "", "", ""));
        }
        return rows;
    }

    public String example(String variable) {
        return examples == null ? "" : examples.getOrDefault(variable, "");
    }

    /** The editor prefilled with a template as it is now, to be edited. */
    static TemplateForm of(Template template) {
        TemplateContent content = template.content();
        MediaHeader media = content.mediaHeader();
        return new TemplateForm(
                template.name().value(),
                template.category(),
                template.language().code(),
                content.header(),
                content.headerExample(),
                content.body(),
                content.footer(),
                content.buttons().stream()
                        .map(button -> new ButtonForm(button.type(), button.text(), button.value(), button.example()))
                        .toList(),
                content.examples(),
                media == null ? "TEXT" : media.format().name(),
                media == null ? null : media.handle());
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
                examples,
                headerType,
                headerHandle);
    }

    /** One button row; no type means the row is unused. */
    record ButtonForm(
            TemplateButton.@Nullable Type type,
            @Nullable String text,
            @Nullable String value,
            @Nullable String example) {}
}
