package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.LoginThrottled;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A refused login form. A wrong e-mail or password goes back to the form that says so; an attempt refused
 * because of too many failures gets the form again at once with 429 and how long to wait, forwarded (a
 * redirect would answer the refused POST with 302).
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    /** Where a throttled login is forwarded; only reached by that forward in practice. */
    static final String THROTTLED = "/login/bloqueado";

    /** Request attribute the login page reads: whole minutes to wait before the next attempt. */
    static final String MINUTES_TO_WAIT = "loginMinutesToWait";

    private final AuthenticationFailureHandler wrongPassword =
            new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (failure instanceof LoginThrottled throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(throttled.retryAfter().toSeconds() + 1));
            request.setAttribute(MINUTES_TO_WAIT, throttled.minutesToWait());
            request.getRequestDispatcher(THROTTLED).forward(request, response);
            return;
        }
        wrongPassword.onAuthenticationFailure(request, response, failure);
    }
}
