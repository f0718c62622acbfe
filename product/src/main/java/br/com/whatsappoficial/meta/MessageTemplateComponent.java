package br.com.whatsappoficial.meta;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One component of a template in Meta's JSON, used both to create it and as Meta lists it.
 *
 * @param type {@code HEADER}, {@code BODY}, {@code FOOTER} or {@code BUTTONS}
 * @param format a header's format: {@code TEXT}, or {@code IMAGE}, {@code VIDEO}, {@code DOCUMENT} for a file
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

    /** A header that shows a file, reviewed with the example Meta holds under {@code handle}. */
    public static MessageTemplateComponent mediaHeader(String format, String handle) {
        return new MessageTemplateComponent(
                "HEADER", format, null, new Example(null, null, null, null, List.of(handle)), null);
    }

    public static MessageTemplateComponent buttons(List<Button> buttons) {
        return new MessageTemplateComponent("BUTTONS", null, null, null, List.copyOf(buttons));
    }

    /**
     * Examples of a header's or body's variables: positional ones in order ({@code body_text} is a list
     * holding one list), named ones with their names; a media header's example file as the handle of its
     * upload ({@code header_handle}).
     */
    public record Example(
            @Nullable List<String> headerText,
            @Nullable List<List<String>> bodyText,
            @Nullable List<NamedParameter> headerTextNamedParams,
            @Nullable List<NamedParameter> bodyTextNamedParams,
            @Nullable List<String> headerHandle) {

        public Example(
                @Nullable List<String> headerText,
                @Nullable List<List<String>> bodyText,
                @Nullable List<NamedParameter> headerTextNamedParams,
                @Nullable List<NamedParameter> bodyTextNamedParams) {
            this(headerText, bodyText, headerTextNamedParams, bodyTextNamedParams, null);
        }
    }

    public record NamedParameter(String paramName, String example) {}

    /**
     * A button: {@code QUICK_REPLY}, {@code URL} (with {@code url}) or {@code PHONE_NUMBER} (with
     * {@code phone_number}, in E.164). A URL ending in {@code {{1}}} carries one full example URL.
     */
    public record Button(
            String type,
            String text,
            @Nullable String url,
            @Nullable String phoneNumber,
            @Nullable List<String> example) {

        public Button(String type, String text, @Nullable String url, @Nullable String phoneNumber) {
            this(type, text, url, phoneNumber, null);
        }
    }
}
