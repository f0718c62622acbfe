package br.com.whatsappoficial.web;

import br.com.whatsappoficial.meta.MetaSettings;
import br.com.whatsappoficial.store.CurrentStoreFilter;
import br.com.whatsappoficial.store.LoginThrottle;
import br.com.whatsappoficial.store.StoreRole;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.session.web.http.SessionRepositoryFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Merchant pages that members may not even see. */
    static final String[] ADMINS_ONLY = {"/configuracoes/whatsapp-oficial/api", "/configuracoes/whatsapp-oficial/api/**"
    };

    /** Where an invited person, not logged in yet, sets their password with the invitation's one-time link. */
    static final String INVITATION = "/convite/**";

    /** Methods that only read: members see everything of their store that is not admins-only. */
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * No observation around each security filter: with no tracing they only fed timers nobody reads,
     * and they cost a fifth of the CPU of a webhook acknowledgement. {@code http.server.requests}
     * still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Health is open to load balancers; metrics are open in sandbox mode only. */
    @Bean
    @Order(1)
    SecurityFilterChain actuator(
            HttpSecurity http,
            MetaSettings meta,
            MetricsAccessSettings metrics,
            PasswordEncoder passwords,
            LoginThrottle throttle)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll();
                    if (meta.sandbox()) {
                        requests.requestMatchers("/actuator/prometheus").permitAll();
                    } else {
                        requests.requestMatchers("/actuator/prometheus").hasRole("METRICS");
                    }
                    requests.anyRequest().denyAll();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(throttle.basicEntryPoint("metrics")))
                .authenticationManager(throttle.guarding(metricsAuthentication(metrics, passwords)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            MetaSettings meta,
            LoginEntryPoint login,
            LoginThrottle throttle,
            AuthenticationConfiguration authentication,
            Environment environment)
            throws Exception {
        boolean secureCookies = environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false);
        HttpSessionRequestCache pagesToReturnTo = new HttpSessionRequestCache();
        pagesToReturnTo.setRequestMatcher(LoginEntryPoint.PAGES_TO_RETURN_TO);
        String policy = meta.sandbox() ? ContentSecurityPolicy.PAGES : ContentSecurityPolicy.LIVE_PAGES;
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                LoginFailureHandler.THROTTLED,
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico")
                        .permitAll()
                        .requestMatchers(INVITATION)
                        .permitAll()
                        // An API key acts for the whole store: only its admins create and revoke them.
                        .requestMatchers(ADMINS_ONLY)
                        .hasRole(StoreRole.ADMIN.name())
                        // Every change (connecting WhatsApp, templates, sync, team) is an admin's, a route
                        // added tomorrow included; login and logout are answered by filters before this.
                        .requestMatchers(request -> !READING.contains(request.getMethod()))
                        .hasRole(StoreRole.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .authenticationManager(throttle.guarding(authentication.getAuthenticationManager()))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler()))
                .csrf(csrf -> csrf.csrfTokenRepository(new LoginCsrfTokens(secureCookies)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .requestCache(cache -> cache.requestCache(pagesToReturnTo))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(login).accessDeniedHandler(new ExpiredFormHandler(login)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy)))
                .addFilterBefore(new CurrentStoreFilter(), AuthorizationFilter.class);
        return http.build();
    }

    /** Between Spring Session's filter and Spring Security's: see {@link AbsoluteSessionLifetime}. */
    @Bean
    FilterRegistrationBean<AbsoluteSessionLifetime> absoluteSessionLifetime(
            Clock clock, SessionLifetimeSettings settings) {
        FilterRegistrationBean<AbsoluteSessionLifetime> registration =
                new FilterRegistrationBean<>(new AbsoluteSessionLifetime(clock, settings));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    private static ProviderManager metricsAuthentication(MetricsAccessSettings metrics, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(metricsUsers(metrics));
        provider.setPasswordEncoder(passwords);
        return new ProviderManager(provider);
    }

    private static InMemoryUserDetailsManager metricsUsers(MetricsAccessSettings metrics) {
        if (!metrics.configured()) {
            return new InMemoryUserDetailsManager();
        }
        UserDetails scraper = User.withUsername(metrics.username())
                .password(metrics.passwordHash())
                .roles("METRICS")
                .build();
        return new InMemoryUserDetailsManager(List.of(scraper));
    }
}
