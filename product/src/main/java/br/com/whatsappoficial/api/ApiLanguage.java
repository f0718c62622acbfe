package br.com.whatsappoficial.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of an API answer's texts: from Accept-Language alone, pt-BR unless English is asked. An
 * engine has no cookie and no {@code ?lang=}, so the pages' own choice of language does not apply.
 */
public final class ApiLanguage {

    public static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

    private static final AcceptHeaderLocaleResolver LOCALES = new AcceptHeaderLocaleResolver();

    static {
        LOCALES.setSupportedLocales(List.of(PORTUGUESE, Locale.ENGLISH));
        LOCALES.setDefaultLocale(PORTUGUESE);
    }

    private ApiLanguage() {}

    public static Locale of(HttpServletRequest request) {
        return LOCALES.resolveLocale(request);
    }
}
