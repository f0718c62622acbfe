package br.com.metasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The sandbox's two bundles: the same keys, and numbers that agree with their words. */
class SandboxBundlesTest {

    static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(load("meta-sandbox/messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        load("meta-sandbox/messages.properties").stringPropertyNames());
    }

    @Test
    void attemptsLeftAreSingularOrPluralNeverBoth() {
        ResourceBundleMessageSource messages = messages();

        assertThat(messages.getMessage("sandbox.signup.verify.wrong", new Object[] {1}, PT_BR))
                .endsWith("Você tem mais 1 tentativa.");
        assertThat(messages.getMessage("sandbox.signup.verify.wrong", new Object[] {4}, PT_BR))
                .endsWith("Você tem mais 4 tentativas.");
        assertThat(messages.getMessage("sandbox.signup.verify.wrong", new Object[] {1}, Locale.ENGLISH))
                .endsWith("You have 1 more attempt.");
        assertThat(messages.getMessage("sandbox.signup.verify.wrong", new Object[] {4}, Locale.ENGLISH))
                .endsWith("You have 4 more attempts.");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("meta-sandbox/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SandboxBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
