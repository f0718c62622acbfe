package br.com.whatsappoficial.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The variables of a text ({@code {{1}}}, {@code {{nome}}}), in the order they appear. */
final class TemplateVariables {

    static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    static final Pattern POSITIONAL = Pattern.compile("[1-9][0-9]*");
    /** Meta's named variables: lowercase letters, digits and underscores, starting with a letter. */
    static final Pattern NAMED = Pattern.compile("[a-z][a-z0-9_]*");

    private TemplateVariables() {}

    static List<String> of(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static boolean startsWithVariable(String text) {
        Matcher matcher = VARIABLE.matcher(text.strip());
        return matcher.lookingAt();
    }

    static boolean endsWithVariable(String text) {
        String stripped = text.strip();
        Matcher matcher = VARIABLE.matcher(stripped);
        int end = -1;
        while (matcher.find()) {
            end = matcher.end();
        }
        return end == stripped.length() && end > 0;
    }

    /** The text with each variable replaced by its example, or left as it is when it has none. */
    static String fill(String text, java.util.function.Function<String, String> example) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = example.apply(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
