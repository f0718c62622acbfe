package br.com.whatsappoficial.meta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One component of a template in Meta's JSON, used both to create it and as Meta lists it.
 *
 * @param type {@code HEADER}, {@code BODY}, {@code FOOTER} or {@code BUTTONS}
 * @param format a header's format: {@code TEXT} (images, videos and documents are other formats)
 * @param example the values Meta's reviewers see in place of the variables
 */
public record MessageTemplateComponent(
        String type,
        @Nullable String format,
        @Nullable String text,
        @Nullable Example example,
        @Nullable List<Button> buttons) {

    public static MessageTemplateComponent text(String type, String text, @Nullable Example example) {
        return new MessageTemplateComponent(type, "HEADER".equals(type) ? "TEXT" : null, text, example, null);
    }

    public static MessageTemplateComponent buttons(List<Button> buttons) {
        return new MessageTemplateComponent("BUTTONS", null, null, null, List.copyOf(buttons));
    }

    /**
     * Examples of a header's or body's variables: positional ones in order ({@code body_text} is a list
     * holding one list), named ones with their names.
     */
    public record Example(
            @Nullable List<String> headerText,
            @Nullable List<List<String>> bodyText,
            @Nullable List<NamedParameter> headerTextNamedParams,
            @Nullable List<NamedParameter> bodyTextNamedParams) {}

    public record NamedParameter(String paramName, String example) {}

    /**
     * A button: {@code QUICK_REPLY}, {@code URL} (with {@code url}) or {@code PHONE_NUMBER} (with
     * {@code phone_number}, in E.164).
     */
    public record Button(
            String type,
            String text,
            @Nullable String url,
            @Nullable String phoneNumber) {}
}
