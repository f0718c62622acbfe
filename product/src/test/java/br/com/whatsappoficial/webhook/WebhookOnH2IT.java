package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same pipeline on the embedded default, H2 in PostgreSQL mode: its "on conflict do nothing",
 * "for update skip locked" and the event publication registry's table work there too, and so do
 * retention's batched deletes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookOnH2IT {

    static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoreDirectory stores;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    WebhookInbox inbox;

    @Test
    void groupCommitsCountPerPostAndNeverDeadlock() throws Exception {
        GroupCommitChecks.countsNewAndDuplicateEventsPerPost(inbox, MetaWebhooks.run());
        GroupCommitChecks.concurrentCommitsOfTheSameEventsNeverDeadlock(inbox, MetaWebhooks.run());
    }

    @Test
    void storesOnceProcessesAndKeepsStatusesForward() {
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name = 'webhook_inbox'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String run = MetaWebhooks.run();
        String waba = "waba-" + run;
        String phone = "phone-" + run;
        StoreId store = stores.create("Loja " + run, "Dona " + run, "dona-" + run + "@loja.example", "senha-123456");
        MetaWebhooks.connect(jdbc, store, waba, phone);
        MetaWebhooks meta = new MetaWebhooks(port);

        String inbound = MetaWebhooks.inbound(waba, phone, "wamid.in-" + run, "Oi");
        assertThat(meta.post(inbound)).isEqualTo(200);
        assertThat(meta.post(inbound)).isEqualTo(200);
        assertThat(meta.post(MetaWebhooks.statuses(waba, phone, "wamid.out-" + run, "read")))
                .isEqualTo(200);
        assertThat(meta.post(MetaWebhooks.statuses(waba, phone, "wamid.out-" + run, "sent", "delivered")))
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("select count(*) from webhook_inbox where state = 'DONE' and idempotency_key like :k")
                                        .param("k", "%-" + run)
                                        .query(Long.class)
                                        .single()
                                == 4);
        assertThat(jdbc.sql("select count(*) from webhook_inbox where idempotency_key like :k")
                        .param("k", "%-" + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void retentionDeletesInBatchesWhatExpiredAndKeepsTheRest() {
        // A year ahead, like WebhookRetentionIT: this context's own scheduled retention never sees these rows.
        AgedRows rows = new AgedRows(jdbc);
        Instant now = WebhookRetentionIT.YEAR_AHEAD.instant();
        Instant expired = now.minus(Duration.ofDays(8));
        Instant recent = now.minus(Duration.ofDays(6));
        // Done at the same instant, and more than a batch: ties must not make H2 stop short.
        List<String> expiredEvents = List.of(rows.done(expired), rows.done(expired), rows.done(expired));
        String recentEvent = rows.done(recent);
        String quarantined = rows.event(InboxState.QUARANTINED, expired, expired, null);
        UUID completed = rows.publication("COMPLETED", expired, expired);
        UUID incomplete = rows.publication("PUBLISHED", expired, null);

        WebhookRetentionIT.retention(
                        named, transaction, Map.of("webhook.retention-batch-size", "2"), new SimpleMeterRegistry())
                .deleteExpired();

        assertThat(expiredEvents).noneMatch(rows::eventKept);
        assertThat(rows.eventKept(recentEvent)).isTrue();
        assertThat(rows.eventKept(quarantined)).isTrue();
        assertThat(rows.publicationKept(completed)).isFalse();
        assertThat(rows.publicationKept(incomplete)).isTrue();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("whatsapp-oficial-webhook-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
