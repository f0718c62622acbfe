package br.com.metasandbox.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The sandbox's pages play Meta's own (the Embedded Signup window, the console of Meta's people): no
 * login of ours, but CSRF on every form and the product's strict content security policy. The CSRF token
 * lives in a cookie and the popup's state in the database, so any node serves any request.
 */
@Configuration(proxyBeanMethods = false)
class SandboxPagesSecurity {

    /** Only the sandbox's own scripts and styles; nothing may frame it, as Meta's own pages. */
    static final String POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    @Order(0)
    SecurityFilterChain sandboxPages(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("SANDBOX-XSRF");
        csrfTokens.setCookiePath("/sandbox");
        // The token is made at the start of every request, not when a form first asks for it: a long page (the
        // customer phone lists every number of the sandbox) is already committed by then, too late for the
        // cookie, and its forms are then refused with 403.
        XorCsrfTokenRequestAttributeHandler tokenHandler = new XorCsrfTokenRequestAttributeHandler();
        tokenHandler.setCsrfRequestAttributeName(null);
        http.securityMatcher(
                        "/sandbox",
                        "/sandbox/",
                        "/sandbox/dialog/**",
                        "/sandbox/console/**",
                        "/sandbox/*.css",
                        "/sandbox/*.js",
                        "/sandbox/*.svg",
                        "/sandbox/webjars/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(tokenHandler))
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY)));
        return http.build();
    }
}
