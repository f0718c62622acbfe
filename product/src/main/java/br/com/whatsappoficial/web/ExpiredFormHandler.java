package br.com.whatsappoficial.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form whose CSRF token is no longer valid. Without a login, its session expired while the page was
 * open (a login form left open for hours, then Entrar): it is answered like any request that needs a
 * login, and a page gets a fresh login form that says why. With a login, the form is from before the
 * last one (another tab logged out and in again): the error page says so and links back. Other refusals
 * are the plain 403 error page.
 */
class ExpiredFormHandler implements AccessDeniedHandler {

    /**
     * Request attribute the error page reads to explain an expired form rather than a refusal: the page the
     * form was on, to go back to.
     */
    static final String EXPIRED_FORM = "expiredForm";

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();
    private final LoginEntryPoint login;

    ExpiredFormHandler(LoginEntryPoint login) {
        this.login = login;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException) {
            if (!trust.isAuthenticated(SecurityContextHolder.getContextHolderStrategy()
                    .getContext()
                    .getAuthentication())) {
                login.commence(request, response, true);
                return;
            }
            request.setAttribute(EXPIRED_FORM, LoginEntryPoint.localPath(request.getHeader("Referer")));
        }
        refusal.handle(request, response, denied);
    }
}
