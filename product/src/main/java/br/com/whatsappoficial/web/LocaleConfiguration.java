package br.com.whatsappoficial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * pt-BR first, English on request: {@code ?lang=en} (remembered in a cookie) or the browser's
 * Accept-Language. Anything else falls back to pt-BR, never to the server's own locale, and an unsupported
 * {@code ?lang=} is ignored.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");
    static final List<Locale> SUPPORTED = List.of(PORTUGUESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("WO_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(LocaleConfiguration::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            // An unsupported ?lang= would otherwise be remembered and printed as the page's lang attribute;
            // refused here, it leaves the merchant's language as it was.
            @Override
            protected Locale parseLocaleValue(String value) {
                return supported(value)
                        .orElseThrow(() -> new IllegalArgumentException("Unsupported language: " + value));
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** The supported locale of a language tag ({@code pt}, {@code pt-BR}, {@code en-US}...), if any. */
    static Optional<Locale> supported(String tag) {
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(language))
                .findFirst();
    }

    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return PORTUGUESE;
        }
        var preferred = request.getLocales();
        while (preferred.hasMoreElements()) {
            Optional<Locale> wanted = supported(preferred.nextElement().toLanguageTag());
            if (wanted.isPresent()) {
                return wanted.get();
            }
        }
        return PORTUGUESE;
    }
}
