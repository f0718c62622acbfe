package br.com.whatsappoficial.sandbox;

import br.com.whatsappoficial.meta.ConditionalOnSandboxMode;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox Graph API is Meta's API, not a page of ours: no login, no session, no CSRF token. Its
 * callers authenticate with Graph access tokens, checked by {@link GraphAuth}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
class SandboxWebConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;

    SandboxWebConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Bean
    @Order(0)
    @ConditionalOnSandboxMode
    SecurityFilterChain sandboxGraph(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox/graph/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new GraphParamsResolver(json));
    }
}
