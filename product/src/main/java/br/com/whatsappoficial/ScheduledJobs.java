package br.com.whatsappoficial;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The node's scheduled jobs, each on a thread of its own. With virtual threads on, Spring's default
 * scheduler runs every fixed-delay job on one shared thread: one slow run (a campaign's sends, callbacks
 * waiting on a slow receiver, calls timing out while the database is away) would hold back every other
 * job, the outbox behind the callbacks or the event republication behind the outbox.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobs {

    /** More than the jobs the product and the sandbox schedule, so none waits for another's thread. */
    static final int THREADS = 24;

    @Bean
    ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(THREADS);
        scheduler.setThreadFactory(Thread.ofVirtual().name("scheduled-", 0).factory());
        return scheduler;
    }
}
