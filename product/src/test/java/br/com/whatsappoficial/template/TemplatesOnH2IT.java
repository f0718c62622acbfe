package br.com.whatsappoficial.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.template.TemplateStores.Connected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Templates on the embedded default, H2 in PostgreSQL mode: the row locks, the creations' count, the
 * sync queue's SKIP LOCKED and the insert of a template first seen in a webhook work there too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class TemplatesOnH2IT {

    static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", DATA_DIR::toString);
        registry.add("meta.graph-base-url", MetaTemplatesStub::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    StoreDirectory stores;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    Templates templates;

    @Autowired
    TemplateSync sync;

    @Test
    void createdMovedByWebhooksAndCorrectedBySync() {
        Connected shop = TemplateStores.connectedStore(stores, accounts, "embutida");
        MetaTemplatesStub.acceptsCreations(shop.wabaId());
        MetaTemplatesStub.ListedIds listed = MetaTemplatesStub.listsRecordedTemplates(shop.wabaId());

        TemplateDetails created =
                CurrentStore.callAs(shop.store(), () -> templates.create(TemplatesIT.orderShipped("aviso_embutido")));
        long now = Instant.now().getEpochSecond();
        post(TemplateStores.statusUpdate(shop.wabaId(), now + 5, created.id(), created.name(), "APPROVED", "NONE"));
        post(TemplateStores.statusUpdate(shop.wabaId(), now + 1, created.id(), created.name(), "REJECTED", "SCAM"));
        post(TemplateStores.statusUpdate(
                shop.wabaId(), now - 3600, listed.approved(), "pedido_enviado", "PENDING", "NONE"));
        post(TemplateStores.qualityUpdate(shop.wabaId(), now + 9, created.id(), created.name(), "UNKNOWN", "GREEN"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(find(shop, "aviso_embutido").quality()).isEqualTo("GREEN");
            assertThat(find(shop, "pedido_enviado").status()).isEqualTo(TemplateStatus.PENDING);
        });
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(find(shop, "aviso_embutido").status()).isEqualTo(TemplateStatus.APPROVED));

        assertThat(CurrentStore.callAs(shop.store(), templates::syncState).scheduled())
                .isTrue();
        sync.syncDue();

        assertThat(CurrentStore.callAs(shop.store(), templates::syncState))
                .isEqualTo(new TemplateSyncState(
                        CurrentStore.callAs(shop.store(), templates::lastSynchronized)
                                .orElseThrow(),
                        false,
                        null));
        assertThat(find(shop, "pedido_enviado").status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(find(shop, "codigo_de_acesso").status()).isEqualTo(TemplateStatus.PAUSED);
        assertThat(CurrentStore.callAs(shop.store(), templates::list))
                .extracting(TemplateDetails::name)
                .contains("aviso_embutido", "pedido_enviado", "promocao_relampago", "codigo_de_acesso");
    }

    private TemplateDetails find(Connected shop, String name) {
        return CurrentStore.callAs(shop.store(), () -> templates.find(name, "pt_BR"))
                .orElseThrow(() -> new AssertionError(name + " is not recorded"));
    }

    private void post(String webhook) {
        assertThat(TemplateStores.webhook(port, webhook)).isEqualTo(200);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("whatsapp-oficial-templates-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
