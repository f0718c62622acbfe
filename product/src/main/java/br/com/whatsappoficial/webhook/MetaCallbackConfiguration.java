package br.com.whatsappoficial.webhook;

import br.com.whatsappoficial.meta.MetaSettings;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** How Meta's callback is served: its own servlet, observed once. */
@Configuration(proxyBeanMethods = false)
class MetaCallbackConfiguration {

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
        registration.setName("metaWebhook");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * Meta's calls are timed by {@code webhook.ack} and counted by {@code webhook.requests} with their
     * outcome; the generic {@code http.server.requests} observation would time them a second time, at a
     * tenth of an acknowledgement's CPU.
     */
    @Bean
    ObservationPredicate metaCallbackObservedOnce() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && MetaWebhookServlet.PATH.equals(request.getCarrier().getRequestURI()));
    }
}
