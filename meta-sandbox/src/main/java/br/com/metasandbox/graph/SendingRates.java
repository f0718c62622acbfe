package br.com.metasandbox.graph;

import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.WaId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Meta's two sending rates. Throughput: a number sends at most its messages per second (80; 1,000 once its
 * throughput level is HIGH; 20 while it is also on the WhatsApp Business app), counted here in a sliding
 * one-second window of accepted sends; above it Meta answers 130429. Pair rate: about one message per 6 s
 * to one customer, with bursts that borrow future quota; above it 131056. Meta documents the numbers, not
 * how it counts: the sandbox's choice is a bucket of {@link #PAIR_BURST} messages per customer that refills
 * one message every {@link #PAIR_REFILL}. Both are kept in memory by one sandbox instance.
 */
@Component
public class SendingRates {

    public static final int STANDARD_MPS = 80;
    public static final int HIGH_MPS = 1_000;
    public static final int BUSINESS_APP_MPS = 20;
    public static final Duration WINDOW = Duration.ofSeconds(1);

    /** Meta's documented burst: up to 45 messages in 6 s to one customer, borrowed from later. */
    public static final int PAIR_BURST = 45;

    public static final Duration PAIR_REFILL = Duration.ofSeconds(6);

    private final Map<String, ArrayDeque<Instant>> sendsByNumber = new HashMap<>();
    private final Map<String, Bucket> pairs = new HashMap<>();
    private final Clock clock;

    SendingRates(Clock clock) {
        this.clock = clock;
    }

    /** What a number may send per second, from its throughput level and whether it is on the app too. */
    public static int messagesPerSecond(PhoneNumber phone) {
        if (phone.onBizApp()) {
            return BUSINESS_APP_MPS;
        }
        return "HIGH".equals(phone.throughputLevel()) ? HIGH_MPS : STANDARD_MPS;
    }

    /** Counts one send of the number to the customer, or refuses it as Meta does when it is above a rate. */
    synchronized void admit(PhoneNumber phone, WaId customer) {
        Instant now = clock.instant();
        ArrayDeque<Instant> recent = sendsByNumber.computeIfAbsent(phone.id(), id -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
            recent.pollFirst();
        }
        if (recent.size() >= messagesPerSecond(phone)) {
            throw GraphRefusal.of(130429, "Cloud API message throughput has been reached.");
        }
        String pair = phone.id() + ":" + customer.value();
        Bucket bucket = pairs.getOrDefault(pair, new Bucket(PAIR_BURST, now)).refilled(now);
        if (bucket.messages() < 1) {
            throw GraphRefusal.of(
                    131056,
                    "Message failed to send because there were too many messages sent from this phone number to"
                            + " the same phone number in a short period of time.");
        }
        recent.addLast(now);
        pairs.put(pair, new Bucket(bucket.messages() - 1, bucket.at()));
        if (pairs.size() > 10_000) {
            // Customers whose bucket is full again are as if never seen: forgetting them keeps memory bounded.
            pairs.values().removeIf(b -> b.refilled(now).messages() >= PAIR_BURST);
        }
    }

    /** Messages a customer may still get right now, and when that was last computed. */
    private record Bucket(double messages, Instant at) {

        Bucket refilled(Instant now) {
            double gained = (double) Duration.between(at, now).toNanos() / PAIR_REFILL.toNanos();
            return new Bucket(Math.min(PAIR_BURST, messages + Math.max(0, gained)), now);
        }
    }
}
