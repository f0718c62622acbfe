package br.com.whatsappoficial.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One attempt at a status callback, as its store: to the message's own callback URL or else the store's,
 * signed with the store's secret. A 2xx delivers it; 410 Gone says the receiver wants no more of it and
 * ends it; anything else (another status, no answer) is tried again later with backoff until a day has
 * passed, then given up, and the log says so.
 */
@Component
class CallbackDeliveries {

    /** What the page's test got: an answer, or why none. */
    sealed interface TestOutcome {}

    record TestAnswered(CallbackPoster.Answer answer, String host) implements TestOutcome {}

    record TestRefused(String messageKey, java.util.List<Object> arguments) implements TestOutcome {}

    private final MessageRows messages;
    private final CallbackEndpoints endpoints;
    private final CallbackUrls urls;
    private final CallbackPoster poster;
    private final CallbackLog log;
    private final StatusCallbacks callbacks;
    private final CallbackSettings settings;
    private final Clock clock;

    CallbackDeliveries(
            MessageRows messages,
            CallbackEndpoints endpoints,
            CallbackUrls urls,
            CallbackPoster poster,
            CallbackLog log,
            StatusCallbacks callbacks,
            CallbackSettings settings,
            Clock clock) {
        this.messages = messages;
        this.endpoints = endpoints;
        this.urls = urls;
        this.poster = poster;
        this.log = log;
        this.callbacks = callbacks;
        this.settings = settings;
        this.clock = clock;
    }

    void attempt(CallbackOutbox.Due due) {
        Instant now = clock.instant();
        String text = messages.find(due.message())
                .map(StoredMessage::callbackUrl)
                .or(endpoints::url)
                .orElse(null);
        if (text == null) {
            log.gaveUp(due.id(), null, null, "no_url", now);
            return;
        }
        CallbackUrl url;
        try {
            url = urls.parse(text);
        } catch (InvalidCallbackUrl invalid) {
            log.gaveUp(due.id(), null, null, "invalid_url", now);
            return;
        }
        Optional<CallbackSecret> secret = endpoints.secret();
        if (secret.isEmpty()) {
            // The merchant may still generate one: the callback waits for it like for a receiver that is down.
            retryOrGiveUp(due, url.host(), null, "no_secret", now);
            return;
        }
        CallbackPoster.Answer answer = poster.post(
                url,
                due.body().getBytes(StandardCharsets.UTF_8),
                secret.get(),
                secret.get().deliveryId(due.id()));
        Instant answered = clock.instant();
        if (answer instanceof CallbackPoster.Answered answeredWith) {
            if (answeredWith.accepted()) {
                log.delivered(due.id(), url.host(), answeredWith.status(), answered);
            } else if (answeredWith.status() == 410) {
                log.gaveUp(due.id(), url.host(), 410, null, answered);
            } else {
                retryOrGiveUp(due, url.host(), answeredWith.status(), null, answered);
            }
        } else if (answer instanceof CallbackPoster.NoAnswer none) {
            retryOrGiveUp(due, url.host(), null, none.failure().code(), answered);
        }
    }

    /** Posts a sample callback to the store's URL now, outside the outbox, and says what came back. */
    TestOutcome test() {
        Optional<String> text = endpoints.url();
        if (text.isEmpty()) {
            return new TestRefused("callbacks.test.no-url", java.util.List.of());
        }
        Optional<CallbackSecret> secret = endpoints.secret();
        if (secret.isEmpty()) {
            return new TestRefused("callbacks.test.no-secret", java.util.List.of());
        }
        CallbackUrl url;
        try {
            url = urls.check(text.get());
        } catch (InvalidCallbackUrl invalid) {
            return new TestRefused(invalid.messageKey(), invalid.arguments());
        }
        return new TestAnswered(poster.post(url, callbacks.sample(clock.instant()), secret.get(), "test"), url.host());
    }

    private void retryOrGiveUp(
            CallbackOutbox.Due due, String host, @Nullable Integer http, @Nullable String error, Instant now) {
        Instant next = now.plus(settings.retryDelay(due.attempt()));
        if (next.isAfter(due.createdAt().plus(settings.giveUpAfter()))) {
            log.gaveUp(due.id(), host, http, error, now);
        } else {
            log.retryAt(due.id(), host, http, error, next, now);
        }
    }
}
