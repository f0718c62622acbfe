package br.com.whatsappoficial.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a merchant's request gets when it needs a login, usually because the session expired. A page is
 * redirected to the login form, which comes back to it afterwards. An htmx request's answer would land
 * inside the page (the login form in the status panel), so it gets {@code HX-Redirect} to the page it
 * came from instead: htmx loads that page in full, which leads to the login form and back. A JSON
 * request (the Embedded Signup launcher) gets 401 with a message to show and where to log in.
 */
@Component
class LoginEntryPoint implements AuthenticationEntryPoint {

    static final String LOGIN = "/login";

    /**
     * Only full pages are remembered for after the login: neither an htmx fragment nor a JSON answer is a
     * page to land on, and a POST cannot be replayed.
     */
    static final RequestMatcher PAGES_TO_RETURN_TO = request -> "GET".equals(request.getMethod())
            && !htmx(request)
            && !wantsJson(request)
            && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"));

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    LoginEntryPoint(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException needed)
            throws IOException {
        // The browser still sends the cookie of a session that is gone: say so on the login form.
        commence(request, response, request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid());
    }

    void commence(HttpServletRequest request, HttpServletResponse response, boolean expired) throws IOException {
        if (htmx(request)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", pageOf(request));
        } else if (wantsJson(request)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            String message = messages.getMessage("session.expired", null, locales.resolveLocale(request));
            json.writeValue(
                    response.getOutputStream(), Map.of("message", message, "login", request.getContextPath() + LOGIN));
        } else {
            response.sendRedirect(request.getContextPath() + LOGIN + (expired ? "?expired" : ""));
        }
    }

    static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** A JSON body, or an Accept that asks for JSON rather than a page. */
    static boolean wantsJson(HttpServletRequest request) {
        try {
            String contentType = request.getContentType();
            if (contentType != null
                    && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
                return true;
            }
            String accept = request.getHeader("Accept");
            return accept != null
                    && MediaType.parseMediaTypes(accept).stream()
                            .anyMatch(type -> !type.isWildcardType() && MediaType.APPLICATION_JSON.includes(type))
                    && !accept.contains(MediaType.TEXT_HTML_VALUE);
        } catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }

    /** The page an htmx request came from (htmx sends its URL), context path included. */
    static String pageOf(HttpServletRequest request) {
        return localPath(request.getHeader("HX-Current-URL"));
    }

    /** The path and query of a URL the browser sent, never another site: a path of ours, or the Painel. */
    static String localPath(@Nullable String url) {
        if (url == null) {
            return "/";
        }
        try {
            URI page = new URI(url);
            String path = page.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return page.getRawQuery() == null ? path : path + "?" + page.getRawQuery();
        } catch (URISyntaxException unparseable) {
            return "/";
        }
    }
}
