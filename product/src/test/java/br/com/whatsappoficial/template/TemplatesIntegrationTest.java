package br.com.whatsappoficial.template;

import br.com.testsupport.PostgresIntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on PostgreSQL with Meta's template endpoints answered by {@link MetaTemplatesStub}
 * (the sandbox does not serve templates yet); shared by the template ITs so they share one context.
 * The other periodic reads of Meta wait, since the stub only knows templates.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
abstract class TemplatesIntegrationTest {

    @DynamicPropertySource
    static void metaForTemplates(DynamicPropertyRegistry registry) {
        registry.add("meta.graph-base-url", MetaTemplatesStub::baseUrl);
    }
}
