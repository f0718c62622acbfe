package br.com.whatsappoficial.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where CSRF tokens are kept: the login form's in a cookie, every other page's in the session. Kept in the
 * session, the login form's token would make a database row (Spring Session) for every {@code GET
 * /login}, by anyone, that mostly nobody ever uses; a cookie keeps it with the browser, and any node
 * checks it. After the login the session holds the token, as before.
 */
class LoginCsrfTokens implements CsrfTokenRepository {

    private final CsrfTokenRepository loginForm;
    private final CsrfTokenRepository pages = new HttpSessionCsrfTokenRepository();

    /**
     * @param secureCookies whether the cookie is {@code Secure} whatever the request says, like the
     *     session's ({@code server.servlet.session.cookie.secure}, on in live mode behind TLS)
     */
    LoginCsrfTokens(boolean secureCookies) {
        CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
        cookie.setCookieName("WO_LOGIN_XSRF");
        cookie.setCookiePath(LoginEntryPoint.LOGIN);
        cookie.setCookieCustomizer(attributes -> {
            attributes.sameSite("Lax");
            if (secureCookies) {
                attributes.secure(true);
            }
        });
        this.loginForm = cookie;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return of(request).generateToken(request);
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        of(request).saveToken(token, request, response);
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        return of(request).loadToken(request);
    }

    private CsrfTokenRepository of(HttpServletRequest request) {
        return LoginEntryPoint.LOGIN.equals(request.getServletPath()) ? loginForm : pages;
    }
}
