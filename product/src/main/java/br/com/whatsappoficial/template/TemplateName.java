package br.com.whatsappoficial.template;

import java.util.regex.Pattern;

/** A template's name as Meta accepts it: lowercase letters, digits and underscores, at most 512 characters. */
public record TemplateName(String value) {

    static final int MAX_LENGTH = 512;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9_]+");

    public TemplateName {
        if (!valid(value)) {
            throw new TemplateRefused(TemplateProblem.of("name"));
        }
    }

    static boolean valid(String value) {
        return value.length() <= MAX_LENGTH && ALLOWED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
