package br.com.whatsappoficial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class ScheduledJobsTest {

    @Test
    void aJobThatHangsDoesNotHoldBackTheOthers() throws Exception {
        ThreadPoolTaskScheduler scheduler = new ScheduledJobs().taskScheduler();
        scheduler.initialize();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger otherRuns = new AtomicInteger();
        try {
            scheduler.scheduleWithFixedDelay(
                    () -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    Duration.ofMillis(10));
            scheduler.scheduleWithFixedDelay(otherRuns::incrementAndGet, Duration.ofMillis(10));

            await().atMost(Duration.ofSeconds(10)).until(() -> otherRuns.get() >= 5);
        } finally {
            release.countDown();
            scheduler.shutdown();
        }
        assertThat(otherRuns.get()).isGreaterThanOrEqualTo(5);
    }
}
