package br.com.whatsappoficial.meta;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Tokens, the app secret and signup codes never reach logs, exceptions or metrics, whatever happens. */
class GraphSecretsNeverLeakTest {

    @RegisterExtension
    static WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final List<String> SECRETS = List.of(
            RecordedMeta.TOKEN,
            RecordedMeta.REVOKED_TOKEN,
            RecordedMeta.APP_SECRET,
            RecordedMeta.TOKEN_PROOF,
            "fresh-code",
            "used-code");

    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<Throwable> failures = new ArrayList<>();
    Level rootLevel;
    RecordedMeta world;
    GraphContract.GraphClients graph;

    @BeforeEach
    void captureEverything() {
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
        world = new RecordedMeta(wiremock);
        graph = RecordedGraphContractTest.clients(
                RecordedGraphContractTest.settings(URI.create(wiremock.baseUrl())), meters);
    }

    @AfterEach
    void restoreLogging() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
    }

    @Test
    void noSecretLeaksFromSuccessfulOrFailedCalls() {
        BusinessToken token = graph.tokens().exchangeCode("fresh-code");
        graph.tokens().inspect(token);
        graph.accounts().account(token, RecordedMeta.WABA);
        attempt(() -> graph.tokens().exchangeCode("used-code"));
        attempt(() -> graph.accounts().account(world.revokedToken(), RecordedMeta.WABA));
        attempt(() -> graph.accounts().account(token, "not-recorded"));
        world.hang("phone.get");
        attempt(() -> graph.phones().phoneNumber(token, RecordedMeta.PENDING_PHONE));
        world.failWithStatus("messages", 502);
        attempt(() -> graph.messages()
                .send(
                        token,
                        RecordedMeta.REGISTERED_PHONE,
                        new OutboundMessage.Text("+5531987654321", "Oi", false, null)));

        assertThat(failures).hasSize(5);
        List<String> seen = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            if (!event.getLoggerName().toLowerCase(Locale.ROOT).contains("wiremock")
                    && !event.getLoggerName().startsWith("org.eclipse.jetty")) {
                seen.add(event.getFormattedMessage());
                if (event.getThrowableProxy() != null) {
                    seen.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
                }
            }
        }
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
        }
        for (Meter meter : meters.getMeters()) {
            seen.add(meter.getId().toString());
        }
        seen.add(token.toString());
        seen.add(new TwoStepPin("581063").toString());

        assertThat(seen).as("what we looked at").isNotEmpty();
        for (String text : seen) {
            for (String secret : SECRETS) {
                assertThat(text).doesNotContain(secret);
            }
            assertThat(text).doesNotContain("581063");
        }
    }

    private void attempt(Runnable call) {
        try {
            call.run();
        } catch (MetaCallFailed failed) {
            failures.add(failed);
        }
    }
}
