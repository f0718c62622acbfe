package br.com.whatsappoficial.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session older than {@link SessionLifetimeSettings#absoluteTimeout()} before the request is
 * served: the request then goes on without it, as after the idle timeout (a page is sent to the login
 * form). Runs after Spring Session's filter (the session it sees is the database's) and before Spring
 * Security's (which would otherwise find the login in it).
 */
class AbsoluteSessionLifetime extends OncePerRequestFilter {

    private final Clock clock;
    private final long maxMillis;

    AbsoluteSessionLifetime(Clock clock, SessionLifetimeSettings settings) {
        this.clock = clock;
        this.maxMillis = settings.absoluteTimeout().toMillis();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && clock.millis() - session.getCreationTime() > maxMillis) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
