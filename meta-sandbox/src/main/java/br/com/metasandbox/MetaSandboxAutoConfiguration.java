package br.com.metasandbox;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.support.AbstractResourceBasedMessageSource;

/**
 * The one gate of the sandbox: in sandbox mode ({@code meta.mode=sandbox}, the embedded default) it
 * registers every bean of this package, migrates the sandbox's own tables and adds its messages; in live
 * mode nothing of it exists, whether or not its jar is on the class path. No class below repeats the
 * condition, so none can be forgotten.
 */
@AutoConfiguration(afterName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnProperty(name = "meta.mode", havingValue = "sandbox", matchIfMissing = true)
@ComponentScan(
        basePackageClasses = MetaSandboxAutoConfiguration.class,
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class))
@EnableConfigurationProperties({SandboxSettings.class, MetaApp.class})
public class MetaSandboxAutoConfiguration {

    /** The sandbox's messages beside the product's, under their own {@code sandbox.} keys. */
    static final String MESSAGES = "meta-sandbox/messages";

    @Bean
    SandboxSchema sandboxSchema(DataSource dataSource) {
        SandboxSchema schema = new SandboxSchema(dataSource);
        schema.migrate();
        return schema;
    }

    @Bean
    static BeanPostProcessor sandboxMessageBundle() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractResourceBasedMessageSource messages
                        && !messages.getBasenameSet().contains(MESSAGES)) {
                    messages.addBasenames(MESSAGES);
                }
                return bean;
            }
        };
    }
}
