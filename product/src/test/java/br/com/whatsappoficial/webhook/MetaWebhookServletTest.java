package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import br.com.whatsappoficial.meta.MetaMode;
import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.meta.WebhookSignature;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
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
    void answers503AtOnceWhileEveryReaderIsBusy() throws Exception {
        WebhookSettings oneReader = settings(Map.of("webhook.max-concurrent-reads", "1"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        WebhookInbox inbox = mock(WebhookInbox.class);
        var servlet = new MetaWebhookServlet(
                META,
                oneReader,
                inbox,
                new InboxWriter(inbox, oneReader),
                new WebhookMetrics(meters),
                mock(InboxWorkers.class));
        CountDownLatch bodyMayArrive = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        MockHttpServletRequest slow = post(new ServletInputStream() {
            @Override
            public int read() throws IOException {
                reading.countDown();
                try {
                    bodyMayArrive.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return -1;
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {}
        });

        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            requests.submit(() -> {
                servlet.doPost(slow, new MockHttpServletResponse());
                return null;
            });
            reading.await();
            MockHttpServletResponse refused = new MockHttpServletResponse();
            servlet.doPost(post(new byte[] {'{', '}'}), refused);
            bodyMayArrive.countDown();

            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
            assertThat(meters.counter("webhook.requests", "outcome", "busy").count())
                    .isEqualTo(1);
        }
    }

    @Test
    void givesUpABodyThatIsStillArrivingAfterItsDeadline() throws Exception {
        WebhookInbox inbox = mock(WebhookInbox.class);
        AtomicLong nanos = new AtomicLong();
        var servlet = new MetaWebhookServlet(
                META,
                SETTINGS,
                inbox,
                new InboxWriter(inbox, SETTINGS),
                new WebhookMetrics(new SimpleMeterRegistry()),
                mock(InboxWorkers.class),
                nanos::get);
        // One byte a second, for ever.
        MockHttpServletRequest trickle = post(new ServletInputStream() {
            @Override
            public int read() {
                nanos.addAndGet(Duration.ofSeconds(1).toNanos());
                return ' ';
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                into[offset] = (byte) read();
                return 1;
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {}
        });

        MockHttpServletResponse response = new MockHttpServletResponse();
        servlet.doPost(trickle, response);

        assertThat(response.getStatus()).isEqualTo(408);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(nanos.get()).isLessThanOrEqualTo(Duration.ofSeconds(11).toNanos());
    }

    @Test
    void quarantinesAnEventWhoseValueIsTooLongForItsColumnInsteadOfFailingTheCommit() throws Exception {
        WebhookInbox inbox = mock(WebhookInbox.class);
        var servlet = new MetaWebhookServlet(
                META,
                SETTINGS,
                inbox,
                new InboxWriter(inbox, SETTINGS),
                new WebhookMetrics(new SimpleMeterRegistry()),
                mock(InboxWorkers.class));
        byte[] body = MetaWebhooks.inbound("waba-" + "9".repeat(80), "phone-1", "wamid.long", "Oi")
                .getBytes(StandardCharsets.UTF_8);

        MockHttpServletResponse response = new MockHttpServletResponse();
        servlet.doPost(signed(body), response);

        assertThat(response.getStatus()).isEqualTo(200);
        verify(inbox).quarantineUnstorable(any(), eq(QuarantineCause.OVERSIZED), eq("WABA id of 85 characters"));
        verify(inbox, never()).storeAll(anyList());
    }

    @Test
    void defaultsCapBodiesAtMetasThreeMegabytes() {
        assertThat(SETTINGS.maxBodyBytes().toBytes()).isEqualTo(3L * 1024 * 1024);
        assertThat(SETTINGS.retryDelay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SETTINGS.retryDelay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SETTINGS.retryDelay(40)).isEqualTo(Duration.ofHours(1));
    }

    private static WebhookSettings settings(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("webhook", Bindable.of(WebhookSettings.class));
    }

    private static MockHttpServletRequest signed(byte[] body) {
        MockHttpServletRequest request = post(body);
        request.addHeader(WebhookSignature.HEADER, WebhookSignature.sign(body, "sandbox-app-secret"));
        return request;
    }

    private static MockHttpServletRequest post(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/meta");
        request.setContent(body);
        return request;
    }

    private static MockHttpServletRequest post(ServletInputStream body) {
        return new MockHttpServletRequest("POST", "/webhooks/meta") {
            @Override
            public ServletInputStream getInputStream() {
                return body;
            }
        };
    }
}
