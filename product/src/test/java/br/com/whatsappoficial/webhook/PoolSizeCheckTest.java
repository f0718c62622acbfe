package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariConfigMXBean;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** A node refuses to start when its connection pool cannot serve its inbox workers. */
class PoolSizeCheckTest {

    static final WebhookSettings DEFAULTS = settings(Map.of());

    @Test
    void needsTwoConnectionsPerWorkerOnePerWriterAndTwoSpare() {
        WebhookSettings settings = settings(Map.of("webhook.workers", "6", "webhook.inbox-writers", "3"));

        assertThat(settings.minimumPoolSize()).isEqualTo(2 * 6 + 3 + 2);
        assertThatThrownBy(() -> PoolSizeCheck.check(settings, 16))
                .isInstanceOf(PoolTooSmall.class)
                .hasMessageContaining("maximum-pool-size is 16")
                .hasMessageContaining("webhook.workers=6")
                .hasMessageContaining("webhook.inbox-writers=3")
                .hasMessageContaining("at least 17");
        assertThatCode(() -> PoolSizeCheck.check(settings, 17)).doesNotThrowAnyException();
    }

    @Test
    void checksNothingOnANodeThatRunsNoWorkers() {
        WebhookSettings noWorkers = settings(Map.of("webhook.workers-enabled", "false"));

        assertThatCode(() -> PoolSizeCheck.check(noWorkers, 1)).doesNotThrowAnyException();
    }

    @Test
    void readsThePoolHikariWasGiven() {
        HikariConfig pool = new HikariConfig();
        pool.setMaximumPoolSize(DEFAULTS.minimumPoolSize() - 1);
        PoolSizeCheck check = new PoolSizeCheck(
                DEFAULTS,
                new StaticListableBeanFactory(Map.of("dataSource", pool)).getBeanProvider(HikariConfigMXBean.class));

        assertThatThrownBy(check::afterSingletonsInstantiated).isInstanceOf(PoolTooSmall.class);

        pool.setMaximumPoolSize(DEFAULTS.minimumPoolSize());
        assertThatCode(check::afterSingletonsInstantiated).doesNotThrowAnyException();
    }

    @Test
    void theConfiguredPoolFitsTheDefaultWorkers() throws IOException {
        Binder applicationYml = new Binder(ConfigurationPropertySources.from(
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))));
        int pool = applicationYml
                .bind("spring.datasource.hikari.maximum-pool-size", Integer.class)
                .get();

        assertThatCode(() -> PoolSizeCheck.check(DEFAULTS, pool)).doesNotThrowAnyException();
    }

    @Test
    void startupFailureTellsWhichSettingToRaise() {
        // As Spring Boot finds it (other analyzers need constructor arguments that only Boot passes).
        FailureAnalyzer analyzer =
                SpringFactoriesLoader.forDefaultResourceLocation()
                        .load(FailureAnalyzer.class, (type, name, failure) -> {})
                        .stream()
                        .filter(PoolTooSmallAnalyzer.class::isInstance)
                        .findFirst()
                        .orElseThrow();

        FailureAnalysis analysis = analyzer.analyze(
                new BeanCreationException("poolSizeCheck", "startup failed", new PoolTooSmall(10, DEFAULTS)));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("maximum-pool-size is 10", "after-commit listeners");
        assertThat(analysis.getAction()).contains("spring.datasource.hikari.maximum-pool-size", "at least 11");
    }

    static WebhookSettings settings(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("webhook", Bindable.of(WebhookSettings.class));
    }
}
