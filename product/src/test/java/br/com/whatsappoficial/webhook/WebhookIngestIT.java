package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The POST side: signature, size cap, idempotent durable inbox, answers Meta can act on. */
@PostgresIntegrationTest
class WebhookIngestIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    WebhookInbox inbox;

    MetaWebhooks meta;
    String run;

    @BeforeEach
    void meta() {
        meta = new MetaWebhooks(port);
        run = MetaWebhooks.run();
    }

    @Test
    void groupCommitsCountPerPostAndNeverDeadlock() throws Exception {
        GroupCommitChecks.countsNewAndDuplicateEventsPerPost(inbox, run);
        GroupCommitChecks.concurrentCommitsOfTheSameEventsNeverDeadlock(inbox, run);
    }

    @Test
    void answersMetasVerificationHandshake() throws Exception {
        assertThat(
                        get(
                                "/webhooks/meta?hub.mode=subscribe&hub.verify_token=sandbox-verify-token&hub.challenge=1158201444"))
                .isEqualTo("200 1158201444");
        HttpResponse<String> echoed = MetaWebhooks.HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/webhooks/meta?hub.mode=subscribe&hub.verify_token=sandbox-verify-token"
                                + "&hub.challenge=%3Cscript%3E"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // Whatever is echoed is plain text that no browser may sniff into a page.
        assertThat(echoed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(echoed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444"))
                .startsWith("403");
        assertThat(get("/webhooks/meta?hub.mode=unsubscribe&hub.verify_token=sandbox-verify-token&hub.challenge=1"))
                .startsWith("403");
    }

    @Test
    void storesASignedPostBeforeAnswering200() {
        String wamid = "wamid.in-" + run;
        assertThat(meta.post(MetaWebhooks.inbound("waba-" + run, "phone-" + run, wamid, "Oi")))
                .isEqualTo(200);
        assertThat(rows("message:" + wamid)).isEqualTo(1);
    }

    @Test
    void metasCallsSkipTheFilterChainAndAreTimedOnce() throws Exception {
        long acks = meters.get("webhook.ack").timer().count();
        long requestsBefore = httpServerRequests();
        assertThat(meta.post(MetaWebhooks.inbound("waba-" + run, "phone-" + run, "wamid.valve-" + run, "Oi")))
                .isEqualTo(200);
        assertThat(meters.get("webhook.ack").timer().count()).isEqualTo(acks + 1);
        // The filter chain's observation times a request before its response is sent.
        assertThat(httpServerRequests()).isEqualTo(requestsBefore);
        assertThat(get("/actuator/health")).startsWith("200");
        assertThat(httpServerRequests()).isEqualTo(requestsBefore + 1);
    }

    private long httpServerRequests() {
        return meters.find("http.server.requests").timers().stream()
                .mapToLong(timer -> timer.count())
                .sum();
    }

    @Test
    void refusesMissingBadAndSha1OnlySignaturesAndStoresNothing() {
        String body = MetaWebhooks.inbound("waba-" + run, "phone-" + run, "wamid.forged-" + run, "Oi");
        double before = requests("bad_signature");

        assertThat(meta.post(body, null)).isEqualTo(401);
        assertThat(meta.post(body, "sha256=" + "0".repeat(64))).isEqualTo(401);
        assertThat(meta.post(body, "sha1=da39a3ee5e6b4b0d3255bfef95601890afd80709"))
                .isEqualTo(401);
        assertThat(meta.post(
                        body,
                        br.com.whatsappoficial.meta.WebhookSignature.sign(
                                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "another-secret")))
                .isEqualTo(401);

        assertThat(rows("message:wamid.forged-" + run)).isZero();
        assertThat(requests("bad_signature") - before).isEqualTo(4);
    }

    @Test
    void theSameDeliveryTwiceIsOneEvent() {
        String body = MetaWebhooks.statuses("waba-" + run, "phone-" + run, "wamid.twice-" + run, "sent", "delivered");
        assertThat(meta.post(body)).isEqualTo(200);
        assertThat(meta.post(body)).isEqualTo(200);
        assertThat(rows("status:sent:wamid.twice-" + run)).isEqualTo(1);
        assertThat(rows("status:delivered:wamid.twice-" + run)).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentDeliveriesOfTheSameEventAreOneEvent() throws Exception {
        String wamid = "wamid.fifty-" + run;
        String body = MetaWebhooks.inbound("waba-" + run, "phone-" + run, wamid, "Cinquenta vezes");
        double duplicatesBefore = events("duplicate");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                Callable<Integer> post = () -> {
                    start.await();
                    return meta.post(body);
                };
                answers.add(threads.submit(post));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }
        assertThat(rows("message:" + wamid)).isEqualTo(1);
        assertThat(events("duplicate") - duplicatesBefore).isEqualTo(49);
    }

    @Test
    void onePostWithSeveralEntriesSomeAlreadySeen() {
        String waba = "waba-" + run;
        String phone = "phone-" + run;
        assertThat(meta.post(MetaWebhooks.inbound(waba, phone, "wamid.a-" + run, "primeira")))
                .isEqualTo(200);
        assertThat(meta.post(MetaWebhooks.nameUpdate(waba, 1739321024, "APPROVED")))
                .isEqualTo(200);
        double storedBefore = events("stored");
        double duplicatesBefore = events("duplicate");

        String both = """
                {"object":"whatsapp_business_account","entry":[%s,%s,%s,%s]}""".formatted(
                        entry(MetaWebhooks.inbound(waba, phone, "wamid.a-" + run, "primeira")),
                        entry(MetaWebhooks.inbound(waba, phone, "wamid.b-" + run, "segunda")),
                        entry(MetaWebhooks.nameUpdate(waba, 1739321024, "APPROVED")),
                        entry(MetaWebhooks.statuses(waba, phone, "wamid.c-" + run, "sent", "delivered", "read")));
        assertThat(meta.post(both)).isEqualTo(200);

        assertThat(events("stored") - storedBefore).isEqualTo(4);
        assertThat(events("duplicate") - duplicatesBefore).isEqualTo(2);
        assertThat(rows("message:wamid.a-" + run)).isEqualTo(1);
        assertThat(rows("message:wamid.b-" + run)).isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from webhook_inbox where field = 'phone_number_name_update' and waba_id = :waba")
                        .param("waba", waba)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from webhook_inbox where idempotency_key like :key")
                        .param("key", "status:%:wamid.c-" + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void malformedJsonWithAValidSignatureIsQuarantinedAndAcknowledged() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + run + "\",";
        double before = requests("malformed");

        assertThat(meta.post(body)).isEqualTo(200);

        assertThat(requests("malformed") - before).isEqualTo(1);
        assertThat(jdbc.sql("select state from webhook_inbox where payload = :body")
                        .param("body", body)
                        .query(String.class)
                        .single())
                .isEqualTo("QUARANTINED");
    }

    @Test
    void refusesADeclaredOversizedBodyBeforeReadingIt() throws Exception {
        double before = requests("too_large");
        assertThat(meta.headersOnly(5L * 1024 * 1024)).isEqualTo("HTTP/1.1 413 ");
        assertThat(requests("too_large") - before).isEqualTo(1);
    }

    @Test
    void refusesAChunkedBodyOnceItGoesOverTheCap() throws Exception {
        assertThat(meta.chunked(5L * 1024 * 1024)).isEqualTo("HTTP/1.1 413 ");
    }

    @Test
    void givesUpABodySentAByteAtATime() throws Exception {
        double before = requests("too_slow");
        assertThat(meta.trickled(java.time.Duration.ofMillis(200))).isEqualTo("HTTP/1.1 408 ");
        assertThat(requests("too_slow") - before).isEqualTo(1);
    }

    @Test
    void acceptsABodyUpToMetasThreeMegabytes() {
        StringBuilder entries = new StringBuilder();
        int i = 0;
        while (entries.length() < 3_000_000) {
            if (!entries.isEmpty()) {
                entries.append(',');
            }
            entries.append(entry(
                    MetaWebhooks.statuses("waba-" + run, "phone-" + run, "wamid.big-" + run + "-" + i++, "sent")));
        }
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[" + entries + "]}";
        assertThat(meta.post(body)).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from webhook_inbox where idempotency_key like :key")
                        .param("key", "status:sent:wamid.big-" + run + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(i);
    }

    /** The one entry of a single-entry envelope. */
    private static String entry(String envelope) {
        int start = envelope.indexOf("[{");
        int end = envelope.lastIndexOf("]}");
        return envelope.substring(start + 1, end);
    }

    private long rows(String key) {
        return jdbc.sql("select count(*) from webhook_inbox where idempotency_key = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }

    private double requests(String outcome) {
        return meters.counter("webhook.requests", "outcome", outcome).count();
    }

    private double events(String outcome) {
        return meters.counter("webhook.events", "outcome", outcome).count();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = MetaWebhooks.HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
