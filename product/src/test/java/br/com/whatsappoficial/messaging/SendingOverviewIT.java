package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.metasandbox.SandboxFault;
import br.com.metasandbox.SandboxMeta;
import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.messaging.SendingStores.Shop;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreFixtures;
import br.com.whatsappoficial.store.StoreUserPrincipal;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The merchant's Envios card on PostgreSQL, from templates the engine sent through the sandbox: the
 * proactive budget as the limits resource counts it, the billable messages by Meta's category, a failure
 * with its pt-BR reason, the queue while Meta is unavailable, and nothing of another store.
 */
@PostgresIntegrationTest
@AutoConfigureMockMvc
@Import(SendingStores.class)
@TestPropertySource(
        properties = {"messaging.outbox-poll=100ms", "account.reconciliation-poll=1h", "template.sync-poll=1h"})
class SendingOverviewIT {

    static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    static final String CARD = "/configuracoes/whatsapp-oficial/envios/cartao";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    SendingStores stores;

    @Autowired
    SendingOverviews overviews;

    @Autowired
    SandboxMeta sandbox;

    @Autowired
    ServiceWindows windows;

    @Autowired
    StoreDirectory directory;

    @Autowired
    JdbcClient jdbc;

    Shop shop;
    CampaignEngine engine;
    StoreUserPrincipal member;

    @BeforeEach
    void aConnectedStoreWithAnApprovedTemplateAndAMember() {
        shop = stores.connected("envios");
        stores.approvedTemplate(shop, "pedido_enviado", "Olá {{1}}, seu pedido saiu.", Map.of("1", "Ana"));
        engine = new CampaignEngine(mvc, shop.key(), port);
        String email = "membro-" + UUID.randomUUID() + "@envios.example";
        StoreFixtures.addMember(jdbc, directory, shop.store(), email, "senha-membro-1");
        member = StoreFixtures.login(directory, email);
    }

    @AfterEach
    void metaAnswersAgain() {
        sandbox.clearFaults();
    }

    @Test
    void theCardCountsTheCampaignsCustomersBillableMessagesAndFailures() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("+55 11 9" + SendingStores.plainEightDigits());
        }
        // The sandbox fails a customer whose number ends in 9999 with Meta's 131026.
        send("+55 11 98765-9999");
        // A customer who wrote gets the utility template free, inside the window, and takes no slot.
        String wrote = "+55 11 9" + SendingStores.plainEightDigits();
        sandbox.customerSends(shop.phone().id(), wrote, "Bia", "Oi");
        Customer bia = Recipient.ofNumber(wrote).orElseThrow().customer();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> CurrentStore.callAs(
                        shop.store(),
                        () -> windows.closesAt(shop.phone().id(), bia).isPresent()));
        send(wrote);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            SendingOverview overview = overview();
            assertThat(overview.failures()).hasSize(1);
            assertThat(billable(overview, "utility")).isEqualTo(3);
            assertThat(overview.spend().freeToday()).isEqualTo(1);
            assertThat(overview.queue().running()).isFalse();
        });

        SendingOverview overview = overview();
        String limits = engine.limits().andReturn().getResponse().getContentAsString();
        int limit = JsonPath.read(limits, "$.proactive.limit");
        assertThat(overview.budget().used()).isEqualTo(4).isEqualTo(JsonPath.<Integer>read(limits, "$.proactive.used"));
        assertThat(overview.budget().limit()).isEqualTo(limit);
        assertThat(overview.budget().chart().bars().getLast().used()).isEqualTo(4);
        assertThat(overview.budget().chart().bars().getFirst().used()).isZero();
        // A customer counts for 24 h: the first slot frees tomorrow, São Paulo time.
        assertThat(overview.budget().nextRelease().messageKey()).isEqualTo("sending.when.tomorrow");

        assertThat(overview.spend().categories())
                .extracting(SendingOverview.CategoryCount::category)
                .startsWith("marketing", "utility", "authentication", "service");
        assertThat(overview.spend().categories())
                .filteredOn(line -> line.category().equals("utility"))
                .singleElement()
                .satisfies(line -> assertThat(line.thisMonth()).isEqualTo(3));
        assertThat(billable(overview, "marketing")).isZero();
        assertThat(overview.spend().freeThisMonth()).isEqualTo(1);

        SendingOverview.RecentFailure failure = overview.failures().getFirst();
        assertThat(failure.recipient()).isEqualTo("+55 11 98765-9999");
        assertThat(failure.title()).isEqualTo("O número não pode receber a mensagem");
        assertThat(failure.detail()).contains("não usa WhatsApp");

        mvc.perform(get(CARD).with(user(member)).header("Accept-Language", "pt-BR"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("4 de " + limit + " clientes únicos nas últimas 24 h"),
                                containsString("O próximo lugar se libera amanhã às "),
                                containsString("Nenhum envio em andamento."),
                                containsString("+55 11 98765-9999"),
                                containsString("O número não pode receber a mensagem"),
                                containsString("hx-trigger=\"every 10s\""))));
    }

    @Test
    void whileMetaIsUnavailableTheQueuedMessagesAndTheirEndAreShown() throws Exception {
        sandbox.setFault("messages", SandboxFault.httpStatus(503));
        for (int i = 0; i < 3; i++) {
            send("+55 11 9" + SendingStores.plainEightDigits());
        }

        SendingOverview.Queue queue = overview().queue();
        assertThat(queue.waiting()).isEqualTo(3);
        assertThat(queue.allOutAt()).isNotNull();
        mvc.perform(get(CARD).with(user(member)).header("Accept-Language", "pt-BR"))
                .andExpect(content()
                        .string(allOf(
                                containsString("3 mensagens aguardam a Meta; previsão de terminar "),
                                containsString("hx-trigger=\"every 2s\""))));

        sandbox.clearFaults();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> !overview().queue().running());
    }

    @Test
    void anotherStoresMemberSeesNoneOfTheStoresMessages() throws Exception {
        send("+55 11 98765-9999");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> overview().failures().size() == 1);
        Shop other = stores.connected("outra");

        SendingOverview theirs = CurrentStore.callAs(other.store(), () -> overviews.current(PT_BR));

        assertThat(theirs.failures()).isEmpty();
        assertThat(theirs.budget().used()).isZero();
        assertThat(theirs.budget().chart().bars().getLast().used()).isZero();
        mvc.perform(get(CARD)
                        .with(user(StoreFixtures.login(directory, other.email())))
                        .header("Accept-Language", "pt-BR"))
                .andExpect(content().string(not(containsString("98765-9999"))));
    }

    private void send(String to) throws Exception {
        engine.sendTemplate(to, "pedido_enviado", "Ana");
    }

    private SendingOverview overview() {
        return CurrentStore.callAs(shop.store(), () -> overviews.current(PT_BR));
    }

    private static long billable(SendingOverview overview, String category) {
        return overview.spend().categories().stream()
                .filter(line -> line.category().equals(category))
                .mapToLong(SendingOverview.CategoryCount::today)
                .sum();
    }
}
