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
 * Meta's callback has no session and no CSRF token: its X-Hub-Signature-256 is its authentication,
 * checked by the controller over the raw bytes. The support endpoints need the platform's support
 * role (HTTP Basic, credentials from {@code webhook.support-*}; without them nobody may).
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain webhooks(HttpSecurity http, WebhookSettings settings, PasswordEncoder passwords)
            throws Exception {
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/webhooks/admin/**")
                        .hasRole("SUPPORT")
                        .requestMatchers("/webhooks/meta")
                        .permitAll()
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
