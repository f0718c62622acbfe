package br.com.whatsappoficial.template;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a template is for, which decides its price and whether Meta lets it through a customer's window free. */
public enum TemplateCategory {
    MARKETING,
    UTILITY,
    AUTHENTICATION;

    public String messageKey() {
        return "template.category." + name();
    }

    static Optional<TemplateCategory> fromMeta(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
