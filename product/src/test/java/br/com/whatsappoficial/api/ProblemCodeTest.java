package br.com.whatsappoficial.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everyCodeHasATitleAndADetailInEachLanguage(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(messages.getProperty(code.titleKey()))
                    .as(code.titleKey())
                    .isNotBlank();
            assertThat(messages.getProperty(code.detailKey()))
                    .as(code.detailKey())
                    .isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(ProblemCode.class)
    void codesAreTheSnakeCaseTheEngineBranchesOn(ProblemCode code) {
        assertThat(code.code()).matches("[a-z]+(_[a-z]+)*");
    }

    @Test
    void springsOwnRefusalsGetTheirCode() {
        assertThat(ProblemCode.forStatus(400)).isEqualTo(ProblemCode.VALIDATION);
        assertThat(ProblemCode.forStatus(404)).isEqualTo(ProblemCode.NOT_FOUND);
        assertThat(ProblemCode.forStatus(405)).isEqualTo(ProblemCode.METHOD_NOT_ALLOWED);
        assertThat(ProblemCode.forStatus(415)).isEqualTo(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ProblemCode.forStatus(503)).isEqualTo(ProblemCode.INTERNAL_ERROR);
    }
}
