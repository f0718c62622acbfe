package br.com.metasandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A Graph request's arrival is the time the filter saw it, not the time the endpoint got to it. */
class GraphArrivalTest {

    static final Instant ARRIVED = Instant.parse("2026-12-06T10:00:00.000123Z");
    static final Clock LATER = Clock.fixed(ARRIVED.plusMillis(40), ZoneOffset.UTC);

    @Test
    void theEndpointReadsTheTimeTheRequestArrived() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sandbox/graph/v23.0/123/messages");

        new GraphArrival(Clock.fixed(ARRIVED, ZoneOffset.UTC))
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(GraphArrival.of(request, LATER)).isEqualTo(ARRIVED);
    }

    @Test
    void aRequestTheFilterDidNotSeeArrivesNow() {
        assertThat(GraphArrival.of(new MockHttpServletRequest(), LATER)).isEqualTo(LATER.instant());
    }
}
