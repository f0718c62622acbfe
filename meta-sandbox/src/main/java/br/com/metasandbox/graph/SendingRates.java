package br.com.metasandbox.graph;

import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.WaId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    private final Map<String, List<Instant>> sendsByNumber = new HashMap<>();
    private final Map<String, Bucket> pairs = new HashMap<>();

    /** What a number may send per second, from its throughput level and whether it is on the app too. */
    public static int messagesPerSecond(PhoneNumber phone) {
        if (phone.onBizApp()) {
            return BUSINESS_APP_MPS;
        }
        return "HIGH".equals(phone.throughputLevel()) ? HIGH_MPS : STANDARD_MPS;
    }

    /**
     * Counts one send of the number to the customer, which reached the sandbox at {@code arrivedAt}, or refuses
     * it as Meta does when it is above a rate. A send is counted when its request arrived, not after the
     * sandbox's own reads for it: those take longer when the machine is busy, and would bunch sends that
     * arrived evenly into one second above the number's rate. Sends are admitted in any order; each is
     * counted against those that arrived in the second before it.
     */
    synchronized void admit(PhoneNumber phone, WaId customer, Instant arrivedAt) {
        List<Instant> recent = sendsByNumber.computeIfAbsent(phone.id(), id -> new ArrayList<>());
        // Sorted by arrival: where this one goes, and the first of the second before it.
        int at = insertionPoint(recent, arrivedAt);
        int from = insertionPoint(recent, arrivedAt.minus(WINDOW));
        if (at - from >= messagesPerSecond(phone)) {
            throw GraphRefusal.of(130429, "Cloud API message throughput has been reached.");
        }
        String pair = phone.id() + ":" + customer.value();
        Bucket bucket =
                pairs.getOrDefault(pair, new Bucket(PAIR_BURST, arrivedAt)).refilled(arrivedAt);
        if (bucket.messages() < 1) {
            throw GraphRefusal.of(
                    131056,
                    "Message failed to send because there were too many messages sent from this phone number to"
                            + " the same phone number in a short period of time.");
        }
        recent.add(at, arrivedAt);
        // What no second still to be counted reaches: a send held up more than a second is counted leniently.
        Instant forgotten = recent.getLast().minus(WINDOW.multipliedBy(2));
        int old = 0;
        while (old < recent.size() && recent.get(old).isBefore(forgotten)) {
            old++;
        }
        recent.subList(0, old).clear();
        pairs.put(pair, new Bucket(bucket.messages() - 1, bucket.at()));
        if (pairs.size() > 10_000) {
            // Customers whose bucket is full again are as if never seen: forgetting them keeps memory bounded.
            pairs.values().removeIf(b -> b.refilled(arrivedAt).messages() >= PAIR_BURST);
        }
    }

    /** The index before which every element is not after {@code instant}: where it goes in sorted order. */
    private static int insertionPoint(List<Instant> sorted, Instant instant) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).isAfter(instant)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** Messages a customer may still get right now, and when that was last computed. */
    private record Bucket(double messages, Instant at) {

        Bucket refilled(Instant now) {
            double gained = (double) Duration.between(at, now).toNanos() / PAIR_REFILL.toNanos();
            return new Bucket(Math.min(PAIR_BURST, messages + Math.max(0, gained)), now);
        }
    }
}
