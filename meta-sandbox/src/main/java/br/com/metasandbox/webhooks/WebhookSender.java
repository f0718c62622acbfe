package br.com.metasandbox.webhooks;

import br.com.metasandbox.MetaApp;
import br.com.metasandbox.SandboxSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the outbox's due deliveries, signed, on one virtual thread per node: a 200 is delivered, anything
 * else (another status, a refused connection, a timeout) waits for the next retry of the delivery's plan.
 */
@Component
class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    /** Deliveries claimed at once: what is due together can go in few POSTs. */
    private static final int BATCH = 200;

    private final WebhookDeliveries deliveries;
    private final SandboxSettings.Webhooks settings;
    private final MetaApp meta;
    private final Clock clock;
    private final JsonMapper json;
    private final HttpClient http;
    private volatile boolean running;
    private volatile @Nullable ScheduledExecutorService scheduler;

    WebhookSender(WebhookDeliveries deliveries, SandboxSettings settings, MetaApp meta, JsonMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.json = json;
        this.settings = settings.webhooks();
        this.meta = meta;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        running = true;
        ScheduledExecutorService tasks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("sandbox-webhooks").factory());
        tasks.scheduleWithFixedDelay(
                this::sendAllDue, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler = tasks;
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService tasks = scheduler;
        if (tasks != null) {
            tasks.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One scheduled round: sends batches until nothing is due, then waits for the next round. */
    private void sendAllDue() {
        try {
            while (running && sendDue() > 0) {
                // A full batch may mean more are due: keep going within this round.
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The database may be briefly away; the rows wait for the next round.
            log.warn("Sandbox webhook sender: {}", e.toString());
        }
    }

    /**
     * Sends what is due now, one POST at a time, those due together for one callback, WABA and field in one
     * ({@link WebhookBatches}); how many deliveries this node sent. The deliveries are claimed in one
     * statement and those the receiver took are marked delivered in one once they are sent: a node that
     * stops midway sends them again once their lease ends, as Meta, which delivers at least once, may.
     */
    int sendDue() throws InterruptedException {
        Instant now = clock.instant();
        Duration onePost = settings.connectTimeout().plus(settings.readTimeout());
        Instant leaseUntil = now.plus(onePost).plusSeconds(30);
        // Another node may have sent one between the look for due ones and this claim: delivered, given up
        // on, or failed and planned for a later retry, whose wait is not this node's to skip.
        List<WebhookDelivery> due = deliveries.claim(deliveries.due(now, BATCH), now, leaseUntil).stream()
                .filter(delivery -> delivery.dueAt(now))
                .toList();
        List<UUID> taken = new ArrayList<>();
        int sent = 0;
        try {
            for (WebhookBatches.Post post : WebhookBatches.of(due, WebhookBatches.MOST, json)) {
                // The lease covers one POST's timeouts and some: once another POST could outlast it, the rest
                // wait for it to end rather than risk another node sending them too.
                if (!running || !clock.instant().plus(onePost).isBefore(leaseUntil)) {
                    break;
                }
                if (send(post)) {
                    post.deliveries().forEach(delivery -> taken.add(delivery.id()));
                }
                sent += post.deliveries().size();
            }
        } finally {
            deliveries.delivered(taken, 200, clock.instant());
        }
        return sent;
    }

    /** Whether the receiver took the POST (a 200); any other outcome is recorded as each delivery's failure. */
    private boolean send(WebhookBatches.Post post) throws InterruptedException {
        byte[] body = post.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(post.targetUrl()))
                    .timeout(settings.readTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "facebookexternalua")
                    .header("X-Hub-Signature-256", WebhookSigner.of(meta.appSecret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            failed(post, null, "invalid callback URL: " + e.getMessage());
            return false;
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return true;
            }
            String answer = response.body() == null ? "" : response.body().strip();
            failed(post, response.statusCode(), "HTTP " + response.statusCode() + " " + answer);
        } catch (HttpTimeoutException e) {
            failed(post, null, "timeout: " + e.getMessage());
        } catch (IOException e) {
            failed(post, null, "connection failed: " + e);
        }
        return false;
    }

    private void failed(WebhookBatches.Post post, @Nullable Integer status, String error) {
        post.deliveries().forEach(delivery -> failed(delivery, status, error));
    }

    private void failed(WebhookDelivery delivery, @Nullable Integer status, String error) {
        Instant now = clock.instant();
        Instant next = now.plus(delivery.waitAfter(delivery.attempts() + 1));
        if (next.isAfter(delivery.giveUpAt())) {
            log.warn(
                    "Sandbox gave up webhook {} ({}) after {} attempts: {}",
                    delivery.id(),
                    delivery.field(),
                    delivery.attempts() + 1,
                    error);
            deliveries.failed(delivery.id(), status, error, null);
        } else {
            log.debug(
                    "Sandbox webhook {} ({}) failed, next attempt at {}: {}",
                    delivery.id(),
                    delivery.field(),
                    next,
                    error);
            deliveries.failed(delivery.id(), status, error, next);
        }
    }
}
