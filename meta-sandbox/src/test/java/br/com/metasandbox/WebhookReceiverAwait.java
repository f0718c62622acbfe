package br.com.metasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Waits (without sleeping blindly) until the stand-in receiver got the expected POSTs. */
public final class WebhookReceiverAwait {

    private WebhookReceiverAwait() {}

    public static List<LoggedRequest> about(String entryId, int count) {
        return about(entryId, "", count);
    }

    public static List<LoggedRequest> about(String entryId, String text, int count) {
        AtomicReference<List<LoggedRequest>> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    List<LoggedRequest> requests = WebhookReceiver.about(entryId).stream()
                            .filter(request -> request.getBodyAsString().contains(text))
                            .toList();
                    assertThat(requests).hasSizeGreaterThanOrEqualTo(count);
                    found.set(requests);
                });
        return found.get();
    }
}
