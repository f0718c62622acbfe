package br.com.whatsappoficial.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.messaging.SendingStores;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphProfiles;
import br.com.whatsappoficial.meta.GraphTemplates;
import br.com.whatsappoficial.meta.MessageTemplate;
import br.com.whatsappoficial.meta.MessageTemplateComponent;
import br.com.whatsappoficial.meta.MessageTemplateRequest;
import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.store.CurrentStore;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Templates with an image header and a link that ends in a variable, through the sandbox on PostgreSQL:
 * created with an uploaded example, approved, sent with the send's own image and link end, refused when a
 * send misses either, and edited without losing an image header made in WhatsApp Manager.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@Import(SendingStores.class)
@TestPropertySource(
        properties = {"messaging.outbox-poll=100ms", "account.reconciliation-poll=1h", "template.sync-poll=1h"})
class MediaTemplatesThroughTheSandboxIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final String BANNER = "https://loja.example/ofertas/banner.png";

    @Autowired
    MockMvc mvc;

    @Autowired
    SendingStores stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    Templates templates;

    @Autowired
    TemplateChanges changes;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    GraphTemplates graphTemplates;

    @Autowired
    GraphProfiles uploads;

    Shop shop;

    @BeforeEach
    void aConnectedStore() {
        shop = stores.connected("midia");
    }

    @Test
    void anImageHeaderAndALinkEndReachTheCustomerAsTheSendGaveThem() throws Exception {
        TemplateDetails created =
                as(() -> templates.create(offer("oferta_pedido", new MediaSample("banner.png", PNG))));
        assertThat(created.content().mediaHeader()).isNotNull();
        assertThat(created.content().mediaHeader().handle())
                .as("the upload's handle")
                .isNotBlank();
        approve(created);

        send("""
                        {"to": "%s", "template": {"name": "oferta_pedido", "parameters": ["Ana"],
                         "header": {"image": {"link": "%s"}},
                         "buttons": [{"index": 0, "parameter": "pedido/1001"}]}}""".formatted(customer(), BANNER)).andExpect(status().isAccepted());

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !sandbox.sentMessages(shop.phone().id()).isEmpty());
        String payload = sandbox.sentMessages(shop.phone().id()).getFirst().payload();
        assertThat(JsonPath.<List<String>>read(
                        payload, "$.template.components[?(@.type == 'header')].parameters[0].image.link"))
                .containsExactly(BANNER);
        assertThat(JsonPath.<List<String>>read(
                        payload, "$.template.components[?(@.type == 'button')].parameters[0].text"))
                .containsExactly("pedido/1001");
        assertThat(JsonPath.<List<String>>read(payload, "$.template.components[?(@.type == 'button')].sub_type"))
                .containsExactly("url");
        assertThat(JsonPath.<List<String>>read(
                        payload, "$.template.components[?(@.type == 'body')].parameters[0].text"))
                .containsExactly("Ana");
    }

    @Test
    void aSendMissingTheImageOrTheLinksEndIsRefusedNamingIt() throws Exception {
        approve(as(() -> templates.create(offer("oferta_faltando", new MediaSample("banner.png", PNG)))));

        send("""
                        {"to": "%s", "template": {"name": "oferta_faltando", "parameters": ["Ana"],
                         "buttons": [{"index": 0, "parameter": "pedido/1001"}]}}""".formatted(customer()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("template_parameters"))
                .andExpect(jsonPath("$.expected[0]").value("header.image"));
        send("""
                        {"to": "%s", "template": {"name": "oferta_faltando", "parameters": ["Ana"],
                         "header": {"image": {"link": "%s"}}}}""".formatted(customer(), BANNER))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("template_parameters"))
                .andExpect(jsonPath("$.expected[0]").value("buttons[0]"))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("buttons[0]")));
        send("""
                        {"to": "%s", "template": {"name": "oferta_faltando", "parameters": ["Ana"],
                         "header": {"video": {"link": "%s"}},
                         "buttons": [{"index": 0, "parameter": "pedido/1001"}]}}""".formatted(customer(), BANNER))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.expected[0]").value("header.image"));
        assertThat(sandbox.sentMessages(shop.phone().id())).isEmpty();
    }

    @Test
    void anEditKeepsTheImageHeaderOfATemplateMadeInWhatsAppManager() {
        BusinessToken token = as(() -> accounts.businessToken(shop.waba().id()).orElseThrow());
        WabaId waba = new WabaId(shop.waba().id());
        String handle = uploads.upload(token, "vitrine.png", "image/png", PNG);
        String id = graphTemplates
                .create(
                        token,
                        waba,
                        new MessageTemplateRequest(
                                "vitrine_semana",
                                "MARKETING",
                                "pt_BR",
                                "positional",
                                List.of(
                                        MessageTemplateComponent.mediaHeader("IMAGE", handle),
                                        MessageTemplateComponent.text(
                                                "BODY",
                                                "Oi {{1}}, chegou a vitrine da semana.",
                                                new MessageTemplateComponent.Example(
                                                        null, List.of(List.of("Ana")), null, null)))))
                .id();
        sandbox.decideTemplate(id, "APPROVED", null);
        // Meta's webhook makes it known first; the sync then reads its content as WhatsApp Manager left it.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> as(() -> templates.find("vitrine_semana", "pt_BR").isPresent()));
        as(() -> templates.synchronize());
        TemplateDetails found =
                as(() -> templates.find("vitrine_semana", "pt_BR").orElseThrow());
        assertThat(found.content().mediaHeader()).isEqualTo(new MediaHeader(MediaHeader.Format.IMAGE, handle));

        Template template = as(() -> changes.find(id).orElseThrow());
        TemplateForm prefilled = TemplateForm.of(template);
        TemplateForm rewritten = new TemplateForm(
                prefilled.name(),
                prefilled.category(),
                prefilled.language(),
                prefilled.header(),
                prefilled.headerExample(),
                "Oi {{1}}, a vitrine da semana chegou com novidades.",
                prefilled.footer(),
                prefilled.buttons(),
                prefilled.examples(),
                prefilled.headerType(),
                prefilled.headerHandle());
        as(() -> changes.edit(template, rewritten.template(null)));

        MessageTemplate atMeta = graphTemplates.list(token, waba).stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(atMeta.components())
                .filteredOn(component -> component.type().equals("HEADER"))
                .singleElement()
                .satisfies(header -> {
                    assertThat(header.format()).isEqualTo("IMAGE");
                    assertThat(header.example().headerHandle()).containsExactly(handle);
                });
        assertThat(atMeta.components())
                .filteredOn(component -> component.type().equals("BODY"))
                .singleElement()
                .satisfies(body -> assertThat(body.text()).contains("novidades"));
    }

    private static NewTemplate offer(String name, MediaSample image) {
        return new NewTemplate(
                name,
                TemplateCategory.MARKETING,
                "pt_BR",
                null,
                null,
                "Olá {{1}}, separamos uma oferta para o seu pedido.",
                null,
                List.of(new TemplateButton(
                        TemplateButton.Type.URL, "Ver pedido", "https://loja.example/pedido/{{1}}", "1001")),
                Map.of("1", "Ana"),
                null,
                image);
    }

    private void approve(TemplateDetails template) {
        sandbox.decideTemplate(template.id(), "APPROVED", null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> as(() -> templates
                        .find(template.name(), "pt_BR")
                        .orElseThrow()
                        .status()
                        .sendable()));
    }

    private <T> T as(Supplier<T> call) {
        return CurrentStore.callAs(shop.store(), call::get);
    }

    /** A mobile whose last four digits no delivery rule of the sandbox matches (they stay 2000–7999). */
    private static String customer() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "+55 11 98" + random.nextInt(100, 1000) + "-" + random.nextInt(2000, 8000);
    }

    private ResultActions send(String body) throws Exception {
        return mvc.perform(post("/api/v1/messages")
                .header("Authorization", "Bearer " + shop.key())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
