package br.com.whatsappoficial.webhook;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Meta's callback has no session, no cookie and no CSRF token: its X-Hub-Signature-256 is its
 * authentication, checked by the controller over the raw bytes. Its chain therefore holds no filter
 * at all: Meta calls it at three times the outbound message rate, and the session, request-cache and
 * header filters were a third of the CPU of each acknowledgement (measured with {@code bench/run}).
 * The support endpoints need the platform's support role (HTTP Basic, credentials from {@code
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

    @Bean
    @Order(0)
    SecurityFilterChain webhooks(HttpSecurity http, WebhookSettings settings, PasswordEncoder passwords)
            throws Exception {
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/webhooks/admin/**")
                        .hasRole("SUPPORT")
                        .anyRequest()
                        .denyAll())
                .httpBasic(Customizer.withDefaults())
                .authenticationManager(supportAuthentication(settings, passwords))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
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
