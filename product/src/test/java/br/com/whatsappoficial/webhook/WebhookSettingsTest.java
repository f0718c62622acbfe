package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The webhook settings a node refuses to start with. */
class WebhookSettingsTest {

    final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(WithWebhookSettings.class);

    @Test
    void keepsDoneEventsAWeekByDefault() {
        context.run(started -> {
            WebhookSettings settings = started.getBean(WebhookSettings.class);
            assertThat(settings.keepDoneFor()).isEqualTo(Duration.ofDays(7));
            assertThat(settings.keepCompletedPublicationsFor()).isEqualTo(Duration.ofDays(7));
            assertThat(settings.retentionEnabled()).isTrue();
        });
    }

    @Test
    void refusesToForgetDoneEventsWhileMetaMayStillRedeliverThem() {
        context.withPropertyValues("webhook.keep-done-for=PT167H")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("keepDoneFor")
                        .hasMessageContaining("must be at least 7 days"));
    }

    @Test
    void keepsDoneEventsLongerWhenAsked() {
        context.withPropertyValues("webhook.keep-done-for=30d")
                .run(started -> assertThat(
                                started.getBean(WebhookSettings.class).keepDoneFor())
                        .isEqualTo(Duration.ofDays(30)));
    }

    @EnableConfigurationProperties(WebhookSettings.class)
    static class WithWebhookSettings {}
}
