package br.com.metasandbox.graph;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Holds requests for the latency and hang faults without blocking shutdown: every held request is
 * released when the faults are cleared or the application context closes (before the web server's
 * graceful shutdown waits for in-flight requests).
 */
@Component
class Hangs implements ApplicationListener<ContextClosedEvent> {

    private final Object lock = new Object();
    private CountDownLatch release = new CountDownLatch(1);
    private volatile boolean closing;

    /** Waits up to {@code duration}; false when the application is stopping and the request should not go on. */
    boolean hold(Duration duration) {
        CountDownLatch current;
        synchronized (lock) {
            current = release;
        }
        try {
            current.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !closing;
    }

    void releaseAll() {
        synchronized (lock) {
            release.countDown();
            release = new CountDownLatch(1);
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
        releaseAll();
    }
}
