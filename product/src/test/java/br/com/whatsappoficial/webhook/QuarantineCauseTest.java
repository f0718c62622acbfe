package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cause written with a reason is the cause read back from it, whatever the detail says. */
class QuarantineCauseTest {

    @ParameterizedTest
    @EnumSource(QuarantineCause.class)
    void aReasonNamesItsCause(QuarantineCause cause) {
        assertThat(QuarantineCause.of(cause.reason("detail: failed 3 times, unreadable")))
                .isEqualTo(cause);
        assertThat(cause.messageKey()).startsWith("quarantine.cause.");
    }

    @Test
    void anUnknownOrMissingReasonIsOther() {
        assertThat(QuarantineCause.of("timeout talking to the database")).isEqualTo(QuarantineCause.OTHER);
        assertThat(QuarantineCause.of(null)).isEqualTo(QuarantineCause.OTHER);
    }
}
