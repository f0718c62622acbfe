package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.testsupport.PostgresTestDatabase;
import br.com.whatsappoficial.TcpProxy;
import br.com.whatsappoficial.store.StoreDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The database goes away in the middle of a load: webhooks answer 503 (never 200 without a commit),
 * Meta retries what was not acknowledged, and afterwards every acknowledged event is in the inbox and
 * was processed exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = WebhookDatabaseOutageIT.ThroughProxy.class)
@Import(WebhookDatabaseOutageIT.Processed.class)
@TestPropertySource(
        properties = {
            "meta.mode=sandbox",
            "spring.datasource.hikari.connection-timeout=1000",
            "spring.datasource.hikari.validation-timeout=500",
            "webhook.first-retry-delay=100ms",
            "webhook.max-retry-delay=500ms",
            "webhook.poll-interval=50ms",
            // a commit whose answer was lost leaves its publication incomplete: delivered again soon
            "webhook.resubmit-older-than=2s",
            "webhook.resubmit-every=1s"
        })
class WebhookDatabaseOutageIT {

    static TcpProxy proxy;

    /** The application reaches this run's PostgreSQL database only through a proxy the test can cut. */
    static class ThroughProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                String direct = PostgresTestDatabase.jdbcUrl();
                int port = Integer.parseInt(direct.replaceAll(".*://[^:]+:(\\d+)/.*", "$1"));
                proxy = new TcpProxy(port);
                TestPropertyValues.of(
                                "spring.datasource.url=" + direct.replace(":" + port + "/", ":" + proxy.port() + "/"),
                                "spring.datasource.username=" + PostgresTestDatabase.user(),
                                "spring.datasource.password=" + PostgresTestDatabase.password())
                        .applyTo(context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A downstream module's listener with a side effect in the database, in the inbox's transaction like
     * messaging's. It is not idempotent on purpose (one row per call, no key): a batch whose commit was
     * lost in the outage must leave no effect, and its events applied again must leave exactly one.
     */
    static class Processed {
        private final JdbcClient jdbc;

        Processed(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void on(InboundMessagesReceived received) {
            for (InboundMessageReceived message : received.messages()) {
                jdbc.sql("insert into outage_effect_rows (message_id) values (:id)")
                        .param("id", message.messageId())
                        .update();
            }
        }

        int times(String messageId) {
            return jdbc.sql("select count(*) from outage_effect_rows where message_id = :id")
                    .param("id", messageId)
                    .query(Integer.class)
                    .single();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoreDirectory stores;

    @Autowired
    Processed processed;

    @AfterAll
    static void closeProxy() throws IOException {
        proxy.close();
    }

    @Test
    void acknowledgedEventsSurviveAnOutageAndAreProcessedOnce() throws Exception {
        jdbc.sql("create table if not exists outage_effect_rows (message_id varchar(100))")
                .update();
        String run = MetaWebhooks.run();
        String waba = "waba-" + run;
        String phone = "phone-" + run;
        MetaWebhooks.connect(
                jdbc,
                stores.create("Loja O " + run, "Olga", "olga-" + run + "@o.example", "senha-olga-1"),
                waba,
                phone);
        MetaWebhooks meta = new MetaWebhooks(port);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<Integer> seen = new CopyOnWriteArrayList<>();

        long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        AtomicInteger sequence = new AtomicInteger();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < 4; s++) {
                senders.submit(() -> {
                    while (System.nanoTime() < end) {
                        String wamid = "wamid.outage-" + run + "-" + sequence.incrementAndGet();
                        int status = send(meta, waba, phone, wamid);
                        answers.put(wamid, status);
                        seen.add(status);
                    }
                    return null;
                });
            }
            await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
            proxy.cut();
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(503));
            await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
            proxy.restore();
        }

        assertThat(seen).as("answers during the load").contains(200, 503).doesNotContain(500);

        // Meta retries what it did not see acknowledged, for days; here until each one is.
        answers.forEach((wamid, status) -> {
            if (status != 200) {
                await().atMost(Duration.ofSeconds(20)).until(() -> send(meta, waba, phone, wamid) == 200);
            }
        });

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.sql("select count(*) from webhook_inbox where idempotency_key like :k and state <> 'DONE'")
                                        .param("k", "message:wamid.outage-" + run + "%")
                                        .query(Integer.class)
                                        .single()
                                == 0);
        for (String wamid : answers.keySet()) {
            assertThat(jdbc.sql("select count(*) from webhook_inbox where idempotency_key = :key")
                            .param("key", "message:" + wamid)
                            .query(Integer.class)
                            .single())
                    .as(wamid)
                    .isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> answers.keySet().stream().allMatch(wamid -> processed.times(wamid) > 0));
        assertThat(answers.keySet())
                .allSatisfy(
                        wamid -> assertThat(processed.times(wamid)).as(wamid).isEqualTo(1));
    }

    private static int send(MetaWebhooks meta, String waba, String phone, String wamid) {
        try {
            return meta.post(MetaWebhooks.inbound(waba, phone, wamid, "Oi"));
        } catch (IllegalStateException dropped) {
            return -1;
        }
    }
}
