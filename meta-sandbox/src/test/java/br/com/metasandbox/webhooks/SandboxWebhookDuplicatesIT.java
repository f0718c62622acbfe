package br.com.metasandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.WebhookReceiver;
import br.com.metasandbox.WebhookReceiverAwait;
import br.com.testsupport.PostgresIntegrationTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the duplicates switch on (and a chance of 1), every webhook arrives twice, byte for byte. */
@PostgresIntegrationTest
class SandboxWebhookDuplicatesIT {

    @DynamicPropertySource
    static void receiver(DynamicPropertyRegistry registry) {
        registry.add("sandbox.webhooks.callback-url", () -> WebhookReceiver.url("/webhooks/meta"));
        registry.add("sandbox.webhooks.duplicates", () -> "true");
        registry.add("sandbox.webhooks.duplicate-chance", () -> "1");
        registry.add("sandbox.webhooks.poll-interval", () -> "100ms");
    }

    @Autowired
    SandboxMeta meta;

    @Autowired
    WebhookDeliveries deliveries;

    @LocalServerPort
    int port;

    @Test
    void theDuplicatesSwitchDeliversTheSamePayloadTwice() {
        SandboxScene scene = SandboxScene.create(meta, new Graph(port));
        meta.setReview(scene.waba().id(), "APPROVED");

        List<LoggedRequest> received = WebhookReceiverAwait.about(scene.waba().id(), "account_review_update", 2);
        assertThat(received).hasSize(2);
        assertThat(received.get(0).getBodyAsString()).isEqualTo(received.get(1).getBodyAsString());
        assertThat(received.get(0).getHeader("X-Hub-Signature-256"))
                .isEqualTo(received.get(1).getHeader("X-Hub-Signature-256"));
        assertThat(deliveries.forEntry(scene.waba().id()))
                .filteredOn(delivery -> delivery.field().equals("account_review_update"))
                .extracting(WebhookDelivery::duplicateOf)
                .containsOnlyOnce((java.util.UUID) null);
    }
}
