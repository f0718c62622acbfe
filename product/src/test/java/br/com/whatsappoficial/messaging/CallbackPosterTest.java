package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.whatsappoficial.meta.MetaMode;
import br.com.whatsappoficial.meta.MetaSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The poster's connection looks the host up itself and connects only to addresses the rule allows, so a
 * URL accepted once (or a name whose DNS answer changed since) cannot reach our own network.
 */
class CallbackPosterTest {

    private static final CallbackSecret SECRET = CallbackSecret.generate();
    private static final CallbackSettings SETTINGS = new CallbackSettings(
            Duration.ofSeconds(1),
            2,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            Duration.ofHours(24),
            Duration.ofDays(30));

    @Test
    void aLiveNodeNeverConnectsToALoopbackReceiverEvenWithAUrlThatGotPastTheCheck() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(0)) {
            CallbackUrl local = new CallbackUrl(URI.create(receiver.url()), true);

            CallbackPoster.Answer answer = poster(MetaMode.LIVE).post(local, body(), SECRET, "1");

            assertThat(answer).isEqualTo(new CallbackPoster.NoAnswer(CallbackPoster.Failure.REFUSED_ADDRESS));
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void aSandboxNodeReachesItsLocalReceiverSigned() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(0)) {
            CallbackUrl local = CallbackUrl.parse(receiver.url().replace("127.0.0.1", "localhost"), true);

            CallbackPoster.Answer answer = poster(MetaMode.SANDBOX).post(local, body(), SECRET, "7");

            assertThat(answer).isEqualTo(new CallbackPoster.Answered(204));
            assertThat(receiver.received()).singleElement().satisfies(received -> {
                assertThat(received.delivery()).isEqualTo("7");
                assertThat(received.signedWith(SECRET)).isTrue();
            });
        }
    }

    private static CallbackPoster poster(MetaMode mode) {
        MetaSettings meta = new MetaSettings(
                mode,
                null,
                "v25.0",
                "app",
                "real-secret",
                "config",
                "verify",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        return new CallbackPoster(new CallbackUrls(meta, SETTINGS), SETTINGS);
    }

    private static byte[] body() {
        return "{\"id\":\"1\",\"status\":\"sent\"}".getBytes(StandardCharsets.UTF_8);
    }
}
