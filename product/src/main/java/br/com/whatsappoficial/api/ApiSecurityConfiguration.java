package br.com.whatsappoficial.api;

import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.store.ApiKeyAuthentication;
import br.com.whatsappoficial.store.ApiKeyMode;
import br.com.whatsappoficial.store.ApiKeySecret;
import br.com.whatsappoficial.store.CurrentStoreFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The campaign API is its own stateless chain: a bearer API key on every request, no session, no cookie,
 * no CSRF (no browser holds the key), no login page; every refusal is a 401 problem. The request then
 * runs as the key's store, so each query of the resources is scoped to it by mechanism.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    private static final String BEARER = "Bearer ";

    @Bean
    @Order(0)
    SecurityFilterChain campaignApi(
            HttpSecurity http, ApiKeyAuthentication keys, MetaSettings meta, ProblemResponses problems)
            throws Exception {
        ApiKeyEntryPoint unauthorized = new ApiKeyEntryPoint(problems);
        AuthenticationFilter bearer =
                new AuthenticationFilter(manager(keys, ApiKeyModes.of(meta)), ApiSecurityConfiguration::bearerKey);
        bearer.setSuccessHandler((request, response, authentication) -> {});
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized));
        http.securityMatcher(CampaignApi.BASE_PATH + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ApiKeyAuthenticationToken.ROLE))
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .addFilterBefore(new CurrentStoreFilter(), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized));
        return http.build();
    }

    /**
     * The presented key; none when the header is absent (the entry point then asks for one). A header that
     * is there but holds no key of ours is refused at once, without a query.
     */
    static @Nullable Authentication bearerKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return null;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new BadCredentialsException("Not a bearer token");
        }
        return ApiKeySecret.parse(header.substring(BEARER.length()).strip())
                .map(ApiKeyAuthenticationToken::presented)
                .orElseThrow(() -> new BadCredentialsException("Not an API key of ours"));
    }

    /** A test key never opens a live node: the demo keys are public. */
    private static AuthenticationManager manager(ApiKeyAuthentication keys, ApiKeyMode nodeMode) {
        return authentication -> {
            ApiKeySecret presented = ((ApiKeyAuthenticationToken) authentication).presentedKey();
            if (presented == null || presented.mode() != nodeMode) {
                throw new BadCredentialsException("Key of another mode");
            }
            return keys.authenticate(presented)
                    .map(ApiKeyAuthenticationToken::authenticated)
                    .orElseThrow(() -> new BadCredentialsException("Unknown or revoked key"));
        };
    }
}
