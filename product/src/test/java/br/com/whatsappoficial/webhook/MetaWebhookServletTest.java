package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import br.com.whatsappoficial.meta.MetaMode;
import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.meta.WebhookSignature;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What Meta is answered when the inbox cannot commit: never 200, so that Meta retries. */
class MetaWebhookServletTest {

    static final MetaSettings META = new MetaSettings(
            MetaMode.SANDBOX,
            null,
            "v25.0",
            "sandbox-app",
            "sandbox-app-secret",
            "sandbox-config",
            "sandbox-verify-token",
            Duration.ofSeconds(3),
            Duration.ofSeconds(10));

    static final WebhookSettings SETTINGS = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("webhook", Bindable.of(WebhookSettings.class));

    @Test
    void answers503WhenTheDatabaseIsDown() throws Exception {
        WebhookInbox inbox = mock(WebhookInbox.class);
        when(inbox.storeAll(anyList())).thenThrow(new CannotGetJdbcConnectionException("database down"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        var servlet = new MetaWebhookServlet(
                META,
                SETTINGS,
                inbox,
                new InboxWriter(inbox, SETTINGS),
                new WebhookMetrics(meters),
                mock(InboxWorkers.class));

        byte[] body =
                MetaWebhooks.inbound("waba-1", "phone-1", "wamid.down", "Oi").getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/meta");
        request.setContent(body);
        request.addHeader(WebhookSignature.HEADER, WebhookSignature.sign(body, "sandbox-app-secret"));

        MockHttpServletResponse response = new MockHttpServletResponse();
        servlet.doPost(request, response);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(meters.counter("webhook.requests", "outcome", "unavailable").count())
                .isEqualTo(1);
    }

    @Test
    void defaultsCapBodiesAtFourMebibytes() {
        assertThat(SETTINGS.maxBodyBytes().toBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(SETTINGS.retryDelay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SETTINGS.retryDelay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SETTINGS.retryDelay(40)).isEqualTo(Duration.ofHours(1));
    }
}
