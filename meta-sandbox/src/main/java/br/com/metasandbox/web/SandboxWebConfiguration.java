package br.com.metasandbox.web;

import br.com.metasandbox.graph.GraphArrival;
import br.com.metasandbox.graph.GraphAuth;
import br.com.metasandbox.graph.GraphParamsResolver;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox Graph API is Meta's API, not a page of ours: no login, no session, no CSRF token. Its
 * callers authenticate with Graph access tokens, checked by {@link GraphAuth}.
 */
@Configuration(proxyBeanMethods = false)
class SandboxWebConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;

    SandboxWebConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Bean
    @Order(0)
    SecurityFilterChain sandboxGraph(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox/graph/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Graph requests are stamped on arrival before any other filter: see {@link GraphArrival}. */
    @Bean
    FilterRegistrationBean<GraphArrival> graphArrival(Clock clock) {
        FilterRegistrationBean<GraphArrival> registration = new FilterRegistrationBean<>(new GraphArrival(clock));
        registration.addUrlPatterns("/sandbox/graph/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Its scripts, styles and images come from its own folder, not the product's {@code static/}: with the
     * sandbox's jar on the class path of a live node they are still not served.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/sandbox/*.css", "/sandbox/*.js", "/sandbox/*.svg")
                .addResourceLocations("classpath:/meta-sandbox/static/");
        // htmx from its WebJar under the sandbox's own path, so the console needs nothing of the product
        registry.addResourceHandler("/sandbox/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new GraphParamsResolver(json));
    }
}
