package br.com.metasandbox.webhooks;

import static br.com.metasandbox.SandboxTemplateFixtures.message;
import static br.com.metasandbox.SandboxTemplateFixtures.send;
import static br.com.metasandbox.SandboxTemplateFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.PlannedStatuses;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.SandboxTemplateFixtures;
import br.com.testsupport.PostgresIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Status webhooks carry per-message pricing: a template in its own category and billable, a utility template
 * inside the customer's window free, any other message a free service message; pricing only on sent and delivered.
 */
@PostgresIntegrationTest
class SandboxStatusPricingIT {

    @Autowired
    SandboxMeta meta;

    @Autowired
    WebhookDeliveries deliveries;

    @LocalServerPort
    int port;

    Graph graph;
    SandboxScene scene;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph).connected(meta, graph);
        approved("oferta", "MARKETING", "Oferta da semana para você, {{1}}!");
        approved("pedido_enviado", "UTILITY", "Olá {{1}}, seu pedido saiu para entrega.");
        approved("codigo_acesso", "AUTHENTICATION", "Seu código de acesso é {{1}}. Não compartilhe.");
    }

    @Test
    void eachTemplateIsBilledInItsOwnCategory() {
        assertPricing(template(PlannedStatuses.customerEndingIn("1234"), "oferta"), true, "regular", "marketing");
        assertPricing(template(PlannedStatuses.customerEndingIn("1234"), "pedido_enviado"), true, "regular", "utility");
        assertPricing(
                template(PlannedStatuses.customerEndingIn("1234"), "codigo_acesso"), true, "regular", "authentication");
    }

    @Test
    void aUtilityTemplateInsideTheWindowIsFreeAMarketingOneIsNot() {
        String customer = PlannedStatuses.customerEndingIn("1234");
        meta.recordInbound(scene.phone().id(), customer);

        assertPricing(template(customer, "pedido_enviado"), false, "free_customer_service", "utility");
        assertPricing(template(customer, "oferta"), true, "regular", "marketing");
    }

    @Test
    void aTextInsideTheWindowIsAFreeServiceMessage() {
        String customer = PlannedStatuses.customerEndingIn("1234");
        meta.recordInbound(scene.phone().id(), customer);
        Graph.Answer sent = graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                Map.of("messaging_product", "whatsapp", "to", customer, "type", "text", "text", Map.of("body", "Oi!")));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);

        assertPricing(
                sent.body().path("messages").get(0).path("id").asString(), false, "free_customer_service", "service");
    }

    /** Pricing on sent and delivered, none on read, every field as Meta writes it. */
    private void assertPricing(String wamid, boolean billable, String type, String category) {
        List<PlannedStatuses.Status> statuses =
                PlannedStatuses.of(deliveries, scene.waba().id(), wamid);
        assertThat(PlannedStatuses.names(statuses)).containsExactly("sent", "delivered", "read");
        for (String name : List.of("sent", "delivered")) {
            JsonNode pricing = PlannedStatuses.only(statuses, name).entry().path("pricing");
            assertThat(pricing.path("billable").asBoolean())
                    .as(name + " billable")
                    .isEqualTo(billable);
            assertThat(pricing.path("billable").isBoolean()).isTrue();
            assertThat(pricing.path("pricing_model").asString()).isEqualTo("PMP");
            assertThat(pricing.path("type").asString()).as(name + " type").isEqualTo(type);
            assertThat(pricing.path("category").asString())
                    .as(name + " category")
                    .isEqualTo(category);
        }
        assertThat(PlannedStatuses.only(statuses, "read").entry().has("pricing"))
                .isFalse();
    }

    private String template(String customer, String name) {
        Graph.Answer sent = graph.postJson(
                "/" + scene.phone().id() + "/messages",
                scene.token(),
                message(customer, send(name, List.of(texts("body", "Ana"))), null));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        return sent.body().path("messages").get(0).path("id").asString();
    }

    private void approved(String name, String category, String body) {
        SandboxTemplateFixtures.approved(meta, graph, scene, SandboxTemplateFixtures.withBody(name, category, body));
    }
}
