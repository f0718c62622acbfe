package br.com.whatsappoficial.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The webhook pipeline's meters, visible at {@code /actuator/prometheus}. */
@Component
class WebhookMetrics {

    /** What happened to a POST. */
    enum RequestOutcome {
        ACCEPTED,
        BAD_SIGNATURE,
        TOO_LARGE,
        TOO_SLOW,
        BUSY,
        MALFORMED,
        UNAVAILABLE
    }

    private final MeterRegistry registry;
    private final Timer ack;
    private final Counter stored;
    private final Counter duplicate;
    private final Map<RequestOutcome, Counter> requests = new EnumMap<>(RequestOutcome.class);
    private final Map<String, Counter> processed = new ConcurrentHashMap<>();
    private final Counter doneEventsDeleted;
    private final Counter publicationsDeleted;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ack = Timer.builder("webhook.ack")
                .description("Time to answer Meta's webhook POSTs")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.stored = events("stored");
        this.duplicate = events("duplicate");
        for (RequestOutcome outcome : RequestOutcome.values()) {
            requests.put(outcome, request(outcome));
        }
        this.doneEventsDeleted = deleted("inbox");
        this.publicationsDeleted = deleted("publications");
        Gauge.builder("webhook.inbox.backlog", backlog, AtomicLong::get)
                .description("Inbox events waiting to be processed")
                .register(registry);
        Gauge.builder("webhook.inbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest inbox event waiting to be processed")
                .baseUnit("seconds")
                .register(registry);
    }

    Timer.Sample startAck() {
        return Timer.start(registry);
    }

    void acknowledged(Timer.Sample sample, RequestOutcome outcome) {
        sample.stop(ack);
        requests.get(outcome).increment();
    }

    void eventsStored(WebhookInbox.Stored result) {
        stored.increment(result.stored());
        duplicate.increment(result.duplicates());
    }

    void processed(String outcome) {
        processed(outcome, 1);
    }

    void processed(String outcome, int events) {
        if (events == 0) {
            return;
        }
        // Each worker counts every event: the meter is looked up once per outcome, not built each time.
        processed
                .computeIfAbsent(
                        outcome,
                        tag -> Counter.builder("webhook.processed")
                                .description("Inbox events by processing outcome")
                                .tag("outcome", tag)
                                .register(registry))
                .increment(events);
    }

    void backlog(long pending, long oldestAgeSeconds) {
        this.backlog.set(pending);
        this.oldestAgeSeconds.set(oldestAgeSeconds);
    }

    /** Retention deleted this many processed inbox events. */
    void doneEventsDeleted(long rows) {
        doneEventsDeleted.increment(rows);
    }

    /** Retention deleted this many completed event publications. */
    void publicationsDeleted(long rows) {
        publicationsDeleted.increment(rows);
    }

    private Counter deleted(String what) {
        return Counter.builder("webhook.retention.deleted")
                .description("Rows deleted by retention: processed inbox events, completed event publications")
                .tag("what", what)
                .register(registry);
    }

    private Counter request(RequestOutcome outcome) {
        return Counter.builder("webhook.requests")
                .description("Meta's webhook POSTs by outcome")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private Counter events(String outcome) {
        return Counter.builder("webhook.events")
                .description("Webhook events received, new or already in the inbox")
                .tag("outcome", outcome)
                .register(registry);
    }
}
