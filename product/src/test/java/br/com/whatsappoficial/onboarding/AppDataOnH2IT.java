package br.com.whatsappoficial.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.whatsappoficial.meta.AppDataSync;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import br.com.whatsappoficial.webhook.AppContactsSynced;
import br.com.whatsappoficial.webhook.AppHistoryReceived;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A coexistence number's sync on the embedded default, H2 in PostgreSQL mode: each chunk once, the
 * progress only up, contacts added and removed, a restart forgetting the earlier chunks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppDataOnH2IT {

    static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", DATA_DIR::toString);
    }

    @Autowired
    StoreDirectory stores;

    @Autowired
    AppDataSyncs syncs;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void chunksCountOnceAndTheProgressOnlyGoesUp() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreId store = stores.create("Loja H2 " + run, "Hana", "hana-" + run + "@h2.example", "senha-hana-1");
        String phone = "9" + run.hashCode();

        AppDataProgress progress = CurrentStore.callAs(
                store,
                () -> transaction.execute(status -> {
                    syncs.start(phone);
                    syncs.requested(phone, AppDataSync.CONTACTS, "111");
                    syncs.requested(phone, AppDataSync.HISTORY, "222");
                    assertThat(syncs.chunkReceived(chunk(store, phone, 2, 1, 100)))
                            .isTrue();
                    assertThat(syncs.chunkReceived(chunk(store, phone, 2, 1, 100)))
                            .isFalse();
                    assertThat(syncs.chunkReceived(chunk(store, phone, 0, 1, 30)))
                            .isFalse();
                    syncs.contacts(new AppContactsSynced(
                            store,
                            phone,
                            List.of(
                                    new AppContactsSynced.Contact(
                                            "5511912345678", "Ana", false, Instant.ofEpochSecond(10)),
                                    new AppContactsSynced.Contact(
                                            "5521998761234", "Bruno", false, Instant.ofEpochSecond(10)),
                                    new AppContactsSynced.Contact(
                                            "5521998761234", null, true, Instant.ofEpochSecond(20)),
                                    new AppContactsSynced.Contact(
                                            "5521998761234", "Bruno", false, Instant.ofEpochSecond(15)))));
                    assertThat(syncs.historyDeclined(phone)).isTrue();
                    assertThat(syncs.historyDeclined(phone)).isFalse();
                    return syncs.all().get(phone);
                }));

        assertThat(progress.progress()).isEqualTo(100);
        assertThat(progress.chunks()).isEqualTo(2);
        assertThat(progress.contacts()).isEqualTo(1);
        assertThat(progress.complete()).isTrue();
        assertThat(progress.declined()).isTrue();
        assertThat(CurrentStore.callAs(store, () -> syncs.pending(phone))).isEmpty();

        AppDataProgress again = CurrentStore.callAs(
                store,
                () -> transaction.execute(status -> {
                    syncs.restart(phone);
                    return syncs.all().get(phone);
                }));
        assertThat(again.chunks()).isZero();
        assertThat(again.progress()).isZero();
        assertThat(CurrentStore.callAs(store, () -> syncs.pending(phone)))
                .containsExactlyInAnyOrder(AppDataSync.CONTACTS, AppDataSync.HISTORY);
    }

    private static AppHistoryReceived chunk(StoreId store, String phone, int phase, int order, int progress) {
        return new AppHistoryReceived(store, phone, phase, order, progress, List.of());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("whatsapp-oficial-app-data-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
