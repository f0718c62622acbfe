package br.com.whatsappoficial.bench;

import br.com.whatsappoficial.meta.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Signed webhook POSTs against the running product, from a generator that costs the machine little: raw
 * keep-alive sockets, bodies built by the caller's supplier, CPU time measured per sender thread.
 */
final class WebhookLoad {

    /** One POST: its body and how many events it carries. */
    record Delivery(byte[] body, int events) {}

    /** Events acknowledged in a closed loop, and the CPU its senders took. */
    record Loop(long acked, long generatorNanos) {}

    private final int port;
    private final String appSecret;
    private final Supplier<Delivery> deliveries;

    WebhookLoad(int port, String appSecret, Supplier<Delivery> deliveries) {
        this.port = port;
        this.appSecret = appSecret;
        this.deliveries = deliveries;
    }

    /**
     * As many POSTs as the product takes, from {@code concurrency} senders on platform threads (whose CPU
     * time the JVM can tell apart from the product's).
     */
    Loop closedLoop(Duration duration, int concurrency) throws InterruptedException {
        AtomicLong acked = new AtomicLong();
        AtomicLong generatorNanos = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService senders = Executors.newFixedThreadPool(concurrency)) {
            for (int s = 0; s < concurrency; s++) {
                senders.submit(() -> {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    try (KeepAliveClient client = client()) {
                        while (System.nanoTime() < end) {
                            Delivery delivery = deliveries.get();
                            if (post(client, delivery.body()) == 200) {
                                acked.addAndGet(delivery.events());
                            }
                        }
                    }
                    generatorNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
                    return null;
                });
            }
        }
        return new Loop(acked.get(), generatorNanos.get());
    }

    /**
     * POSTs sent on a fixed schedule (never waiting for answers) at the offered event rate, each on an idle
     * keep-alive connection or a new one; answers the acknowledgement latencies in microseconds.
     */
    Histogram openLoop(Duration duration, int eventsPerSecond, double eventsPerPost) throws Exception {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<KeepAliveClient> idle = new ConcurrentLinkedQueue<>();
        long intervalNanos = (long) (1e9 * eventsPerPost / eventsPerSecond);
        long start = System.nanoTime();
        long posts = duration.toNanos() / intervalNanos;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < posts; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                senders.submit(() -> {
                    KeepAliveClient client = idle.poll();
                    if (client == null) {
                        client = client();
                    }
                    Delivery delivery = deliveries.get();
                    long sent = System.nanoTime();
                    post(client, delivery.body());
                    micros.add((System.nanoTime() - sent) / 1_000);
                    idle.add(client);
                    return null;
                });
            }
        }
        for (KeepAliveClient client : idle) {
            client.close();
        }
        Histogram histogram = new Histogram(60_000_000L, 3);
        micros.forEach(histogram::recordValue);
        return histogram;
    }

    private KeepAliveClient client() {
        try {
            return new KeepAliveClient(port, "/webhooks/meta");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int post(KeepAliveClient client, byte[] body) {
        return client.post(body, WebhookSignature.sign(body, appSecret));
    }
}
