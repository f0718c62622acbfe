package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataIntegrityViolationException;

class InboxWriterTest {

    static final WebhookSettings ONE_WRITER = new Binder(
                    new MapConfigurationPropertySource(Map.of("webhook.inbox-writers", "1")))
            .bindOrCreate("webhook", Bindable.of(WebhookSettings.class));

    @Test
    void aFailedPostNeverFailsTheOtherPostsOfItsGroupCommit() throws Exception {
        CountDownLatch firstCommitMayEnd = new CountDownLatch(1);
        AtomicBoolean firstCommit = new AtomicBoolean(true);
        WebhookInbox inbox = mock(WebhookInbox.class);
        // The database refuses any commit that holds the poisoned event.
        when(inbox.storeAll(anyList())).thenAnswer(call -> {
            List<List<InboxEvent>> posts = call.getArgument(0);
            if (firstCommit.getAndSet(false)) {
                firstCommitMayEnd.await();
            }
            if (posts.stream()
                    .flatMap(List::stream)
                    .anyMatch(event -> event.idempotencyKey().startsWith("poison"))) {
                throw new DataIntegrityViolationException("value too long for type character varying(64)");
            }
            return posts.stream()
                    .map(post -> new WebhookInbox.Stored(post.size(), 0))
                    .toList();
        });
        InboxWriter writer = new InboxWriter(inbox, ONE_WRITER);

        try (var posts = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<WebhookInbox.Stored> first = posts.submit(() -> writer.store(List.of(event("first"))));
            await().until(() -> !firstCommit.get());
            // While the writer is busy, three POSTs queue up for the next commit together.
            Future<WebhookInbox.Stored> before = posts.submit(() -> writer.store(List.of(event("good-1"))));
            Future<WebhookInbox.Stored> poisoned = posts.submit(() -> writer.store(List.of(event("poison"))));
            Future<WebhookInbox.Stored> after =
                    posts.submit(() -> writer.store(List.of(event("good-2"), event("good-3"))));
            await().until(() -> writer.waiting() == 3);
            firstCommitMayEnd.countDown();

            assertThat(first.get()).isEqualTo(new WebhookInbox.Stored(1, 0));
            assertThat(before.get()).isEqualTo(new WebhookInbox.Stored(1, 0));
            assertThat(after.get()).isEqualTo(new WebhookInbox.Stored(2, 0));
            assertThatThrownBy(poisoned::get)
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DataIntegrityViolationException.class);
        } finally {
            writer.stop();
        }
        verify(inbox).storeAll(argThat(batch -> batch.size() == 3));
    }

    private static InboxEvent event(String key) {
        return new InboxEvent(key, "messages", "waba-1", "phone-1", "{}");
    }
}
