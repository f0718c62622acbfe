package br.com.whatsappoficial.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Meta's error codes are identifiers, not quantities: never written with a thousands separator. */
class TemplateMessagesTest {

    final ResourceBundleMessageSource messages = bundle();

    @Test
    void metasErrorCodeIsWrittenAsMetaWroteIt() {
        for (Locale locale : new Locale[] {Locale.forLanguageTag("pt-BR"), Locale.ENGLISH}) {
            assertThat(messages.getMessage("editor.meta-refused", new Object[] {"Unknown path", 2500}, locale))
                    .contains("2500")
                    .doesNotContain("2.500", "2,500");
            assertThat(messages.getMessage("editor.meta-failed", new Object[] {131000}, locale))
                    .contains("131000");
            assertThat(messages.getMessage("api.problem.template_not_created.detail", new Object[] {2388023}, locale))
                    .contains("2388023");
        }
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
