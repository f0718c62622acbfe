package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.account.ConnectedAccounts;
import br.com.whatsappoficial.account.ConnectedNumber;
import br.com.whatsappoficial.account.StoreNumber;
import br.com.whatsappoficial.account.Throughput;
import br.com.whatsappoficial.store.CurrentStore;
import br.com.whatsappoficial.store.StoreId;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On every node, takes due messages from the outbox and sends each as its store at the slot its number's
 * pace gives it ({@link NumberPace}), at most {@code messaging.senders} at once on virtual threads (a Graph
 * call waits on the network, not on a core). A message whose slot is further ahead than {@link #HORIZON}
 * goes back to the outbox until shortly before it, so a big campaign on one number neither holds the
 * workers nor stands before another number's messages: its backlog is spread over the times its number
 * can send.
 */
@Component
class OutboxWorker {

    /** How long a worker waits for a slot; a later one is waited for in the outbox. */
    static final Duration HORIZON = Duration.ofSeconds(1);

    /** How early a message waiting for its slot is claimed again, to be ready when the slot comes. */
    static final Duration LEAD = Duration.ofMillis(200);

    /** How long this node goes by a number's throughput as it read it. */
    static final Duration RATE_KEPT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final MessageDispatch dispatch;
    private final NumberPace pace;
    private final ConnectedAccounts accounts;
    private final MessageRows rows;
    private final PausedNumbers paused;
    private final ClaimedNumbers claimed;
    private final Clock clock;
    private final Semaphore senders;
    private volatile boolean stopped;
    /** This node's latest calls to Meta of each number: when the next one may start. */
    private final ConcurrentHashMap<String, CallWindow> calls = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<StoreNumber, KnownRate> rates = new ConcurrentHashMap<>();

    private final ScheduledExecutorService slotTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-slots").daemon().factory());

    OutboxWorker(
            Outbox outbox,
            MessageDispatch dispatch,
            NumberPace pace,
            ConnectedAccounts accounts,
            MessageRows rows,
            PausedNumbers paused,
            ClaimedNumbers claimed,
            MessagingSettings settings,
            Clock clock) {
        this.claimed = claimed;
        this.outbox = outbox;
        this.dispatch = dispatch;
        this.pace = pace;
        this.accounts = accounts;
        this.rows = rows;
        this.paused = paused;
        this.clock = clock;
        this.senders = new Semaphore(settings.senders());
    }

    @Scheduled(fixedDelayString = "${messaging.outbox-poll:200ms}")
    void work() throws InterruptedException {
        while (!stopped) {
            // A free sender, waited for briefly so that a campaign keeps every sender busy between two polls;
            // none: the next poll looks again, so this task never holds the node's scheduler.
            if (!senders.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                return;
            }
            int free = 1 + senders.drainPermits();
            int[] sending = {0};
            try {
                List<Outbox.Due> batch = outbox.claim(free);
                if (batch.isEmpty()) {
                    return;
                }
                Instant now = clock.instant();
                Map<StoreNumber, List<Outbox.Due>> byNumber = byNumber(batch);
                Map<StoreNumber, ClaimedNumbers.Standing> standings = claimed.at(byNumber.keySet(), now);
                for (var number : byNumber.entrySet()) {
                    CurrentStore.runAs(
                            number.getKey().store(),
                            () -> schedule(
                                    number.getKey().phoneNumberId(),
                                    number.getValue(),
                                    standings.get(number.getKey()),
                                    now,
                                    sending));
                }
            } finally {
                // Every sender not started on a send is free again, whatever failed on the way (a database
                // outage must not leave the node without senders).
                senders.release(free - sending[0]);
            }
        }
    }

    private static Map<StoreNumber, List<Outbox.Due>> byNumber(List<Outbox.Due> batch) {
        Map<StoreNumber, List<Outbox.Due>> byNumber = new LinkedHashMap<>();
        for (Outbox.Due due : batch) {
            byNumber.computeIfAbsent(new StoreNumber(due.store(), due.phoneNumberId()), number -> new ArrayList<>())
                    .add(due);
        }
        return byNumber;
    }

    /**
     * Gives each message of one number its slot: sent at it, or back to the outbox until shortly before.
     * {@code sending} counts the senders started on a send, each freed when its send ends.
     */
    private void schedule(
            String phoneNumberId, List<Outbox.Due> dues, ClaimedNumbers.Standing standing, Instant now, int[] sending) {
        if (standing.pause().isPresent()) {
            // Queued before the pause, or while another node paused it: they wait, nothing is sent.
            paused.waitFor(
                    standing.pause().get(),
                    dues.stream().map(Outbox.Due::message).toList());
            return;
        }
        // The slots given before the number's latest pauses are that much later now.
        Duration pausedSoFar = standing.pausedSoFar();
        List<Outbox.Due> unslotted =
                dues.stream().filter(due -> !hasSlot(due, pausedSoFar, now)).toList();
        int messagesPerSecond = messagesPerSecond(phoneNumberId, now);
        List<Slot> slots =
                unslotted.isEmpty() ? List.of() : pace.take(phoneNumberId, messagesPerSecond, unslotted.size(), now);
        int next = 0;
        for (Outbox.Due due : dues.stream()
                .sorted(java.util.Comparator.comparing((Outbox.Due d) ->
                        d.slot() == null ? Instant.MAX : d.slot().after(pausedSoFar)))
                .toList()) {
            boolean kept = hasSlot(due, pausedSoFar, now);
            Slot given = kept ? due.slot() : slots.get(next++);
            // a slot just taken is already after every pause so far
            Instant slot = kept ? given.after(pausedSoFar) : given.at();
            if (slot.isAfter(now.plus(HORIZON))) {
                rows.waitForSlot(due.message(), given, slot.minus(LEAD));
            } else {
                StoreId store = due.store();
                long delay = Math.max(0, Duration.between(clock.instant(), slot).toNanos());
                startAt(phoneNumberId, pace.pausesHere(phoneNumberId), delay, () -> {
                    try {
                        send(store, due, messagesPerSecond);
                    } finally {
                        senders.release();
                    }
                });
                sending[0]++;
            }
        }
    }

    /**
     * Starts the send after {@code delay}, later by every pause this node decided for the number meanwhile
     * (Meta said it went too fast: the sends already timed wait as the queued ones do). The timer only starts
     * the call; the call itself waits on the network on a virtual thread.
     */
    private void startAt(String phoneNumberId, Duration pausesWhenTimed, long delay, Runnable send) {
        slotTimer.schedule(
                () -> {
                    Duration pausedSince = pace.pausesHere(phoneNumberId).minus(pausesWhenTimed);
                    if (pausedSince.isPositive()) {
                        startAt(phoneNumberId, pausesWhenTimed.plus(pausedSince), pausedSince.toNanos(), send);
                    } else {
                        Thread.ofVirtual().name("outbox-send").start(send);
                    }
                },
                delay,
                TimeUnit.NANOSECONDS);
    }

    /**
     * Waits, right before the call to Meta, for the number's {@link CallWindow}: the slots are a spacing apart,
     * but a send can start late (the machine busy, a slow read), and late ones would reach Meta bunched with
     * those on time, into a second above the number's throughput: Meta counts when calls arrive, not when
     * they were due. The window lets them follow at half a spacing while the last second has room.
     */
    private void awaitTurn(String phoneNumberId, int messagesPerSecond) {
        Duration spacing = NumberPace.step(messagesPerSecond);
        int perSecond = (int) (messagesPerSecond * NumberPace.SHARE);
        Duration gap = spacing.dividedBy(2);
        CallWindow window = calls.compute(
                phoneNumberId,
                (number, known) ->
                        known != null && known.fits(perSecond, gap) ? known : new CallWindow(perSecond, gap));
        Instant now = clock.instant();
        long wait = Duration.between(now, window.take(now)).toNanos();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether the message still holds a usable slot. One whose slot passed long ago (the workers fell far
     * behind, a node was down) takes a new one, at the end of its number's queue.
     */
    private static boolean hasSlot(Outbox.Due due, Duration pausedSoFar, Instant now) {
        return due.slot() != null && !due.slot().after(pausedSoFar).isBefore(now.minus(HORIZON));
    }

    /**
     * The current store's number's throughput, as this node read it within {@link #RATE_KEPT}: it changes
     * when Meta upgrades the number or it joins the Business app, and the worker asked for it once per
     * number in every batch. Going by the old rate for a few seconds after a change costs at worst a
     * 130429, which pauses the number as any other does.
     */
    private int messagesPerSecond(String phoneNumberId, Instant now) {
        StoreNumber sender = new StoreNumber(CurrentStore.require(), phoneNumberId);
        KnownRate known = rates.get(sender);
        if (known != null && now.isBefore(known.readAt().plus(RATE_KEPT))) {
            return known.messagesPerSecond();
        }
        int read = accounts.number(phoneNumberId)
                .map(ConnectedNumber::throughput)
                .orElse(new Throughput(null, null))
                .messagesPerSecond();
        rates.put(sender, new KnownRate(read, now));
        return read;
    }

    private record KnownRate(int messagesPerSecond, Instant readAt) {}

    @PreDestroy
    void stop() {
        stopped = true;
        slotTimer.shutdownNow();
    }

    private void send(StoreId store, Outbox.Due due, int messagesPerSecond) {
        try {
            CurrentStore.runAs(
                    store,
                    () -> dispatch.attempt(
                            due.message(), due.wasInFlight(), () -> awaitTurn(due.phoneNumberId(), messagesPerSecond)));
        } catch (RuntimeException unexpected) {
            // The lease runs out and the message is looked at again (as in flight: never resent blindly).
            log.error("Sending message {} failed unexpectedly", due.message(), unexpected);
        }
    }
}
