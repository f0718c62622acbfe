package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.metasandbox.SandboxMeta;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreId;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sending on the embedded default, H2 in PostgreSQL mode with the sandbox: the budget's row lock, the
 * idempotency and window upserts, the outbox's SKIP LOCKED, the status timeline and the in-order claim of
 * status callbacks work there too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(SendingStores.class)
@TestPropertySource(
        properties = {
            "messaging.proactive-floor=1",
            "messaging.outbox-poll=100ms",
            "messaging.callbacks.poll=100ms",
            "account.reconciliation-poll=1h",
            "template.sync-poll=1h"
        })
class MessagesOnH2IT {

    static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", DATA_DIR::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SendingStores stores;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    CallbackEndpoints endpoints;

    @Autowired
    CallbackUrls urls;

    @Autowired
    SendingOverviews overviews;

    @Autowired
    NumberPace pace;

    @Autowired
    StoreDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNumberMetaFoundTooFastPausesAndKeepsItsPace() throws Exception {
        String phone = "pace-" + UUID.randomUUID();
        StoreId store = StoreFixtures.storeWithAdmin(directory, "Loja " + phone, phone + "@p.example")
                .storeId();
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        CurrentStore.callAs(store, () -> pace.take(phone, 80, 1, now));

        CurrentStore.callAs(store, () -> pace.slowDown(phone, now, now));

        Instant next = CurrentStore.callAs(store, () -> pace.take(phone, 80, 1, now))
                .getFirst()
                .at();
        // the pause, then one step at its pace (to the database's microsecond)
        assertThat(Duration.between(now.plus(NumberPace.PAUSE), next).toNanos())
                .isCloseTo(NumberPace.step(80).toNanos(), within(1_000L));
    }

    @Test
    void aTemplateGoesOutAndTheBudgetAndWindowsHold() throws Exception {
        Shop shop = stores.connected("embutida");
        CallbackReceiver receiver = new CallbackReceiver(0);
        br.com.whatsappoficial.store.CurrentStore.runAs(shop.store(), () -> {
            endpoints.saveUrl(urls.check(receiver.url()));
            endpoints.rotateSecret();
        });
        stores.approvedTemplate(shop, "aviso_embutido", "Olá {{1}}, seu pedido saiu.", Map.of("1", "Ana"));
        String template = """
                {"to": "%s", "template": {"name": "aviso_embutido", "parameters": ["Ana"]}}""";

        String key = UUID.randomUUID().toString();
        String id = JsonPath.read(
                send(shop, key, template.formatted("+55 11 98765-1111"))
                        .andExpect(status().isAccepted())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        send(shop, key, template.formatted("+55 11 98765-1111"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(id));
        send(shop, UUID.randomUUID().toString(), template.formatted("+55 11 98765-2222"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("proactive_limit_reached"));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(
                                get("/api/v1/messages/" + id).header("Authorization", "Bearer " + shop.key()))
                        .andExpect(jsonPath("$.status").value("read"))
                        .andExpect(jsonPath("$.timeline.length()").value(4)));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(receiver.received())
                        .extracting(received -> JsonPath.<String>read(received.body(), "$.status"))
                        .containsExactly("sent", "delivered", "read"));
        receiver.close();
        // The Envios card's queries (the budget's hours, the billable messages by category) run on H2 too.
        SendingOverview overview = br.com.whatsappoficial.store.CurrentStore.callAs(
                shop.store(), () -> overviews.current(java.util.Locale.forLanguageTag("pt-BR")));
        org.assertj.core.api.Assertions.assertThat(
                        overview.budget().chart().bars().getLast().used())
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(overview.spend().categories())
                .filteredOn(line -> line.category().equals("utility"))
                .singleElement()
                .extracting(SendingOverview.CategoryCount::today)
                .isEqualTo(1L);

        sandbox.customerSends(shop.phone().id(), "+55 11 98765-3333", "Bia", "Oi");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> send(shop, UUID.randomUUID().toString(), """
                                {"to": "+55 11 98765-3333", "link": {"body": "Veja a coleção", "url": "https://loja.example/c",
                                 "label": "Ver coleção"}}""")
                        .andExpect(status().isAccepted())
                        .andExpect(jsonPath("$.countsAgainstLimit").value(false)));
    }

    @Test
    void aKeyUsedMoreThanADayAgoQueuesANewMessage() throws Exception {
        Shop shop = stores.connected("chave-antiga");
        stores.approvedTemplate(shop, "aviso_antigo", "Seu pedido saiu.", Map.of());
        String key = UUID.randomUUID().toString();
        // One customer throughout: the budget's floor of one customer is not what is tested here.
        String body = """
                {"to": "+55 11 98765-4444", "template": {"name": "aviso_antigo"}}""";
        String first = id(send(shop, key, body).andExpect(status().isAccepted()));
        jdbc.update(
                "update messaging_idempotency set created_at = created_at - interval '25' hour where idempotency_key = ?",
                key);

        String second = id(send(shop, key, body).andExpect(status().isAccepted()));
        String again = id(send(shop, key, body).andExpect(status().isAccepted()));

        assertThat(second).as("a new message, not the day-old one").isNotEqualTo(first);
        assertThat(again).as("the key now answers the new message").isEqualTo(second);
    }

    private static String id(ResultActions sent) throws Exception {
        return JsonPath.read(sent.andReturn().getResponse().getContentAsString(), "$.id");
    }

    private ResultActions send(Shop shop, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/messages")
                .header("Authorization", "Bearer " + shop.key())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("messages-h2-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
