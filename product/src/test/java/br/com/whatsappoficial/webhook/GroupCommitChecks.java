package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** What a group commit must do on any database: count per POST, and never deadlock with another one. */
final class GroupCommitChecks {

    private GroupCommitChecks() {}

    /** Several POSTs in one commit sharing keys with each other and with the inbox: the first one is new. */
    static void countsNewAndDuplicateEventsPerPost(WebhookInbox inbox, String run) {
        InboxEvent seen = event("status:read:wamid.seen-" + run);
        assertThat(inbox.storeAll(List.of(List.of(seen)))).containsExactly(new WebhookInbox.Stored(1, 0));

        InboxEvent a = event("message:wamid.a-" + run);
        InboxEvent b = event("message:wamid.b-" + run);
        InboxEvent c = event("message:wamid.c-" + run);
        List<WebhookInbox.Stored> stored =
                inbox.storeAll(List.of(List.of(b, a, seen), List.of(b, c), List.of(a), List.of(c, c)));

        assertThat(stored)
                .containsExactly(
                        new WebhookInbox.Stored(2, 1),
                        new WebhookInbox.Stored(1, 1),
                        new WebhookInbox.Stored(0, 1),
                        new WebhookInbox.Stored(0, 2));
    }

    /**
     * Two writers storing the same redelivered events in opposite orders, many times at once: without
     * rows in key order, each would hold a key the other waits for.
     */
    static void concurrentCommitsOfTheSameEventsNeverDeadlock(WebhookInbox inbox, String run) throws Exception {
        try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
            List<Future<List<WebhookInbox.Stored>>> commits = new ArrayList<>();
            for (int round = 0; round < 50; round++) {
                String keys = "message:wamid.r" + round + "-" + run + "-";
                List<InboxEvent> events =
                        IntStream.range(0, 20).mapToObj(i -> event(keys + i)).toList();
                List<InboxEvent> reversed = events.reversed();
                commits.add(writers.submit(() -> inbox.storeAll(List.of(events))));
                commits.add(writers.submit(() -> inbox.storeAll(List.of(reversed))));
            }
            int stored = 0;
            for (Future<List<WebhookInbox.Stored>> commit : commits) {
                stored += commit.get().getFirst().stored();
            }
            assertThat(stored).isEqualTo(50 * 20);
        }
    }

    private static InboxEvent event(String key) {
        return new InboxEvent(key, "messages", "waba-gc", "phone-gc", "{\"field\":\"messages\"}");
    }
}
