package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.store.LoginThrottle;
import br.com.whatsappoficial.web.ContentSecurityPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Meta's callback has no session, no cookie and no CSRF token: its X-Hub-Signature-256 is its
 * authentication, checked by its servlet over the raw bytes. Tomcat hands it to that servlet before any
 * filter ({@link MetaCallbackValve}); should a request of its path ever reach the filter chain, its
 * security chain holds no filter at all, rather than the support chain's deny-all below.
 * Support's page and endpoints need the platform's support role (HTTP Basic, credentials from {@code
 * webhook.support-*}; without them nobody may).
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

    @Bean
    @Order(-1)
    SecurityFilterChain metaCallback(HttpSecurity http) throws Exception {
        http.securityMatcher(MetaWebhookServlet.PATH)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .exceptionHandling(exceptions -> exceptions.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /**
     * Support's page and JSON API. A browser that has the support credentials sends them to any request,
     * even one forged by another site, so every POST needs a CSRF token unless it declares a JSON body:
     * another site's page can only send that after a CORS preflight, which this product never grants
     * (a form can only send form, multipart or plain-text bodies). The token lives in a cookie, so the
     * chain stays stateless and any node serves any request. The page has the product pages' headers.
     */
    @Bean
    @Order(0)
    SecurityFilterChain webhooks(
            HttpSecurity http, WebhookSettings settings, PasswordEncoder passwords, LoginThrottle throttle)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("SUPPORT-XSRF");
        csrfTokens.setCookiePath("/webhooks/admin");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/webhooks/admin/**")
                        .hasRole("SUPPORT")
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(throttle.basicEntryPoint("support")))
                .authenticationManager(throttle.guarding(supportAuthentication(settings, passwords)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // HTTP Basic authenticates every request afresh: rotating the token on each of them, as
                // after a form login, would void the form of any other open tab.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(WebhookSecurityConfiguration::declaresJson)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .headers(headers ->
                        headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.PAGES)));
        return http.build();
    }

    /** Whether the request's body is declared JSON; an unparseable Content-Type is not. */
    static boolean declaresJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }

    private static ProviderManager supportAuthentication(WebhookSettings settings, PasswordEncoder passwords) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (settings.supportConfigured()) {
            users = new InMemoryUserDetailsManager(List.of(User.withUsername(settings.supportUsername())
                    .password(settings.supportPasswordHash())
                    .roles("SUPPORT")
                    .build()));
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        return new ProviderManager(provider);
    }
}
