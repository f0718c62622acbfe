package br.com.whatsappoficial.bench;

import br.com.whatsappoficial.meta.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Signed webhook POSTs against the running product, from a generator that costs the machine little: raw
 * keep-alive sockets, bodies built by the caller's supplier, CPU time measured per sender thread.
 */
final class WebhookLoad {

    /** One POST: its body and how many events it carries. */
    record Delivery(byte[] body, int events) {}

    /** A POST ready to go: signed, head and body as they go over the wire. */
    record Prepared(byte[] request, int events) {}

    /**
     * Events acknowledged in a closed loop, the CPU its senders took, how many POSTs they built, and the
     * prepared POSTs they did not get to.
     */
    record Loop(long acked, long generatorNanos, long builtWhileSending, List<Prepared> unsent) {}

    private static final String PATH = "/webhooks/meta";

    private final int port;
    private final String appSecret;
    private final Supplier<Delivery> deliveries;

    WebhookLoad(int port, String appSecret, Supplier<Delivery> deliveries) {
        this.port = port;
        this.appSecret = appSecret;
        this.deliveries = deliveries;
    }

    /**
     * Builds and signs {@code posts} POSTs now, before a timed loop: what wrk does with pre-signed bodies,
     * so that the senders of the loop cost the machine the socket calls alone.
     */
    List<Prepared> prepare(int posts) {
        List<Prepared> prepared = new ArrayList<>(posts);
        for (int i = 0; i < posts; i++) {
            prepared.add(prepared(deliveries.get()));
        }
        return prepared;
    }

    private Prepared prepared(Delivery delivery) {
        String signature = "X-Hub-Signature-256: " + WebhookSignature.sign(delivery.body(), appSecret);
        return new Prepared(KeepAliveClient.request(port, PATH, delivery.body(), signature), delivery.events());
    }

    /**
     * As many POSTs as the product takes, from {@code concurrency} senders on platform threads (whose CPU
     * time the JVM can tell apart from the product's), each built and signed as it is sent.
     */
    Loop closedLoop(Duration duration, int concurrency) throws InterruptedException {
        return closedLoop(duration, concurrency, List.of());
    }

    /**
     * As {@link #closedLoop(Duration, int)}, taking the {@link #prepare prepared} POSTs first; past them,
     * each POST is built and signed as it is sent (and its CPU counted with the senders').
     */
    Loop closedLoop(Duration duration, int concurrency, List<Prepared> prepared) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        return loop(concurrency, prepared, () -> System.nanoTime() < end);
    }

    /** Sends these prepared POSTs, and no other, from {@code concurrency} senders. */
    Loop sendAll(List<Prepared> prepared, int concurrency) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(prepared.size());
        return loop(concurrency, prepared, () -> left.getAndDecrement() > 0);
    }

    private Loop loop(int concurrency, List<Prepared> prepared, BooleanSupplier another) throws InterruptedException {
        AtomicLong acked = new AtomicLong();
        AtomicLong generatorNanos = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        AtomicLong built = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ExecutorService senders = Executors.newFixedThreadPool(concurrency)) {
            for (int s = 0; s < concurrency; s++) {
                senders.submit(() -> {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    try (KeepAliveClient client = client()) {
                        while (another.getAsBoolean()) {
                            int taken = next.getAndIncrement();
                            Prepared post;
                            if (taken < prepared.size()) {
                                post = prepared.get(taken);
                            } else {
                                post = prepared(deliveries.get());
                                built.incrementAndGet();
                            }
                            if (client.send(post.request()) == 200) {
                                acked.addAndGet(post.events());
                            }
                        }
                    }
                    generatorNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
                    return null;
                });
            }
        }
        List<Prepared> unsent = prepared.subList(Math.min(next.get(), prepared.size()), prepared.size());
        return new Loop(acked.get(), generatorNanos.get(), built.get(), List.copyOf(unsent));
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
            return new KeepAliveClient(port, PATH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int post(KeepAliveClient client, byte[] body) {
        return client.post(body, WebhookSignature.sign(body, appSecret));
    }
}
