package br.com.whatsappoficial.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void metasDefaultUntilItUpgradesTheNumber() {
        assertThat(new Throughput(null, null).messagesPerSecond()).isEqualTo(80);
        assertThat(new Throughput("STANDARD", false).messagesPerSecond()).isEqualTo(80);
        assertThat(new Throughput("HIGH", false).messagesPerSecond()).isEqualTo(1_000);
        assertThat(new Throughput("NOT_APPLICABLE", null).messagesPerSecond()).isEqualTo(80);
    }

    @Test
    void aNumberAlsoOnTheBusinessAppSendsTwentyPerSecond() {
        assertThat(new Throughput("HIGH", true).messagesPerSecond()).isEqualTo(20);
    }
}
