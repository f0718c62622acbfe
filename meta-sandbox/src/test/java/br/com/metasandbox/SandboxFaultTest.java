package br.com.metasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxFaultTest {

    @Test
    void boundsEveryDelayToSixtySeconds() {
        assertThatThrownBy(() -> SandboxFault.latency(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SandboxFault.hanging().latency()).isEqualTo(SandboxFault.MAX_DELAY);
    }

    @Test
    void acceptsOnlyServerErrorsAsHttpStatus() {
        assertThatThrownBy(() -> SandboxFault.httpStatus(404)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SandboxFault.httpStatus(502).httpStatus()).isEqualTo(502);
    }
}
