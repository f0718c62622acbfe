package br.com.whatsappoficial.template;

import java.util.regex.Pattern;

/**
 * A template's language in Meta's form ({@code pt_BR}, {@code en}). Meta's webhooks also write
 * {@code pt-BR}: both are the same language, kept with the underscore.
 */
public record TemplateLanguage(String code) {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,3})?");
    public static final TemplateLanguage PT_BR = new TemplateLanguage("pt_BR");

    public TemplateLanguage {
        code = code.strip().replace('-', '_');
        if (!CODE.matcher(code).matches()) {
            throw new TemplateRefused(TemplateProblem.of("language"));
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
