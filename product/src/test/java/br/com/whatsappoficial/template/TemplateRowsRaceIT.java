package br.com.whatsappoficial.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.meta.MessageTemplateId;
import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The template sync and a status webhook meeting on a template neither knew: the second to record it
 * learns that the first did, even while the first's transaction is still open, instead of failing.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"account.reconciliation-poll=1h", "template.sync-poll=1h"})
class TemplateRowsRaceIT {

    @Autowired
    TemplateRows rows;

    @Autowired
    StoreDirectory stores;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSecondToRecordANewTemplateWhileTheFirstIsStillOpenLearnsItWasRecorded() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StoreId store = stores.create("Loja R " + run, "Rita", "r-" + run + "@r.example", "senha-r-123");
        MessageTemplateId id = new MessageTemplateId(String.valueOf(9_000_000_000L + Math.abs(run.hashCode())));
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CompletableFuture<Void> commitTheFirst = new CompletableFuture<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
            Future<Boolean> first = workers.submit(() -> CurrentStore.callAs(
                    store,
                    () -> transaction.execute(status -> {
                        boolean recorded = rows.insert(template(id));
                        firstRecorded.countDown();
                        commitTheFirst.join();
                        return recorded;
                    })));
            assertThat(firstRecorded.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> second = workers.submit(() ->
                    CurrentStore.callAs(store, () -> transaction.execute(status -> rows.insert(template(id)))));
            // The second waits on the first's row; then the first commits.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
                                    Integer.class)
                            > 0);
            commitTheFirst.complete(null);

            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from templates where template_id = ?", Integer.class, id.value()))
                .isEqualTo(1);
    }

    private static Template template(MessageTemplateId id) {
        return Template.known(
                id,
                new WabaId("1029384756"),
                new TemplateName("pedido_enviado"),
                new TemplateLanguage("pt_BR"),
                TemplateCategory.UTILITY,
                new TemplateContent(null, null, "Olá", null, List.of(), Map.of(), ParameterFormat.POSITIONAL, null),
                TemplateStatus.PENDING,
                Instant.parse("2026-12-04T12:00:00Z"));
    }
}
