package br.com.whatsappoficial.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.whatsappoficial.account.InvalidPhoneNumber;
import br.com.whatsappoficial.account.StatusReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text exists in pt-BR and in English, so no page shows a raw key in either language. */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages", "i18n/autoreply", "i18n/profile", "i18n/accounttest"})
    void portugueseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Properties portuguese = load("/" + bundle + ".properties");
        Properties english = load("/" + bundle + "_en.properties");

        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(portuguese.stringPropertyNames());
    }

    @Test
    void everyStatusReasonIsExplainedWithItsAction() throws IOException {
        Properties portuguese = load("/messages.properties");
        for (var reason : StatusReason.values()) {
            assertThat(portuguese).containsKeys(reason.textKey(), reason.actionKey());
        }
        for (var reason : InvalidPhoneNumber.Reason.values()) {
            assertThat(portuguese.stringPropertyNames())
                    .anyMatch(key -> key.equals(
                            "phone.invalid." + reason.name().toLowerCase().replace('_', '-')));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
