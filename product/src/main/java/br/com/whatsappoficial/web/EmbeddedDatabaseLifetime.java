package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.CrossStore;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 database lives exactly as long as the product. Its URL keeps it open when its last
 * connection closes ({@code DB_CLOSE_DELAY=-1}): a pool that retires all its connections at once must
 * not close and reopen the database under the product. And it is closed by the product once the pool
 * is gone (H2's own JVM-exit hook is off, because it closed the database while the product was still
 * stopping and writing), so that what H2 still holds in memory reaches the file.
 */
@Configuration(proxyBeanMethods = false)
@CrossStore("orders the connection pools' shutdown before the database's; runs no query of its own")
class EmbeddedDatabaseLifetime {

    private static final String SHUTDOWN = "embeddedDatabaseShutdown";

    @Bean(SHUTDOWN)
    static EmbeddedDatabaseShutdown embeddedDatabaseShutdown(Environment environment) {
        return new EmbeddedDatabaseShutdown(
                environment.getProperty("spring.datasource.url", ""),
                environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""));
    }

    /** A bean is destroyed before those it depends on: each pool then closes before the shutdown runs. */
    @Bean
    static BeanFactoryPostProcessor poolsCloseBeforeTheEmbeddedDatabase() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition pool = beanFactory.getBeanDefinition(name);
                String[] dependsOn = pool.getDependsOn() == null ? new String[0] : pool.getDependsOn();
                pool.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(SHUTDOWN))
                        .distinct()
                        .toArray(String[]::new));
            }
        };
    }
}
