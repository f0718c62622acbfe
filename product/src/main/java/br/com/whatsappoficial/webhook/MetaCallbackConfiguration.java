package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.meta.MetaSettings;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Meta's callback is served: its own servlet, reached from Tomcat's pipeline without the filter
 * chain: Meta's calls are timed by {@code webhook.ack} and counted by {@code webhook.requests}, not
 * by the generic {@code http.server.requests}.
 */
@Configuration(proxyBeanMethods = false)
class MetaCallbackConfiguration {

    static final String SERVLET_NAME = "metaWebhook";

    @Bean
    ServletRegistrationBean<MetaWebhookServlet> metaWebhookServlet(
            MetaSettings meta,
            WebhookSettings settings,
            WebhookInbox inbox,
            InboxWriter writer,
            WebhookMetrics metrics,
            InboxWorkers workers) {
        ServletRegistrationBean<MetaWebhookServlet> registration = new ServletRegistrationBean<>(
                new MetaWebhookServlet(meta, settings, inbox, writer, metrics, workers), MetaWebhookServlet.PATH);
        registration.setName(SERVLET_NAME);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    TomcatContextCustomizer metaCallbackValve(ServletRegistrationBean<MetaWebhookServlet> metaWebhookServlet) {
        return context ->
                context.getPipeline().addValve(new MetaCallbackValve(SERVLET_NAME, metaWebhookServlet.getServlet()));
    }
}
