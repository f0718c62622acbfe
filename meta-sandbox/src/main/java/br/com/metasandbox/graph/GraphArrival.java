package br.com.metasandbox.graph;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stamps when a Graph request reached the node, before anything else of the node handles it. Meta counts
 * a send against the number's throughput when the call reaches its edge; the sandbox shares its node's
 * servlet container, whose filters, routing and body parsing take longer the busier the node is: time
 * Meta's edge does not add, which bunched evenly sent calls into a second above the limit.
 */
public final class GraphArrival extends OncePerRequestFilter {

    private static final String ATTRIBUTE = GraphArrival.class.getName();

    private final Clock clock;

    public GraphArrival(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, clock.instant());
        chain.doFilter(request, response);
    }

    /** When the request arrived: as stamped, or now for one that did not pass the filter. */
    static Instant of(HttpServletRequest request, Clock clock) {
        return request.getAttribute(ATTRIBUTE) instanceof Instant arrived ? arrived : clock.instant();
    }
}
