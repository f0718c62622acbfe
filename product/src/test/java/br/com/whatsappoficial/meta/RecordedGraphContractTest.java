package br.com.whatsappoficial.meta;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

/** The Graph client against Meta's documented payloads. */
class RecordedGraphContractTest extends GraphContract {

    @RegisterExtension
    static WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    RecordedMeta world;
    GraphClients graph;

    @BeforeEach
    void recordedMeta() {
        world = new RecordedMeta(wiremock);
        graph = clients(settings(URI.create(wiremock.baseUrl())), new SimpleMeterRegistry());
    }

    static MetaSettings settings(URI baseUrl) {
        return new MetaSettings(
                MetaMode.LIVE,
                baseUrl,
                "v25.0",
                RecordedMeta.APP_ID,
                RecordedMeta.APP_SECRET,
                "config",
                "verify",
                Duration.ofSeconds(1),
                RecordedMeta.READ_TIMEOUT);
    }

    static GraphClients clients(MetaSettings settings, SimpleMeterRegistry meters) {
        GraphHttp http = new GraphHttp(settings, new MockEnvironment(), meters);
        return new GraphClients(
                new GraphTokens(http, settings),
                new GraphAccounts(http),
                new GraphPhones(http),
                new GraphProfiles(http, settings),
                new GraphMessages(http),
                new GraphTemplates(http));
    }

    @Override
    MetaWorld world() {
        return world;
    }

    @Override
    GraphClients graph() {
        return graph;
    }
}
