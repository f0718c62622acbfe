package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.account.SendingPause;
import br.com.whatsappoficial.meta.BusinessToken;
import br.com.whatsappoficial.meta.GraphError;
import br.com.whatsappoficial.meta.GraphMessages;
import br.com.whatsappoficial.meta.MessageAccepted;
import br.com.whatsappoficial.meta.MetaCallFailed;
import br.com.whatsappoficial.meta.MetaErrorClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt to hand a queued message to Meta, as its store. The call happens outside any transaction;
 * its outcome is recorded in a short one: accepted (Meta's id), retried later (Meta down or throttling,
 * a bounded number of times), failed (refused, or no way to send; its budget slot goes back), or unknown
 * (no answer in time: it may have gone out, so it is never sent again and Meta's status settles it), or
 * waiting while Meta's spam limit or policy block pauses its number.
 */
@Component
class MessageDispatch {

    private static final Logger log = LoggerFactory.getLogger(MessageDispatch.class);

    /** The number sent faster than its throughput allows: its pace slows down. */
    static final int THROUGHPUT_EXCEEDED = 130429;

    /** Too many messages to one customer in a short time. */
    static final int PAIR_RATE_EXCEEDED = 131056;

    /** The send's answer for a template Meta holds while it assesses the template's quality. */
    static final String HELD = "held_for_quality_assessment";

    private final MessageRows rows;
    private final ProactiveBudget budget;
    private final NumberPace pace;
    private final OptOuts optOuts;
    private final SendingTokens tokens;
    private final GraphMessages graph;
    private final MessagingSettings settings;
    private final TransactionTemplate transaction;
    private final StatusCallbacks callbacks;
    private final PausedNumbers paused;
    private final MarketingHeldBack heldBack;
    private final Clock clock;

    MessageDispatch(
            MessageRows rows,
            ProactiveBudget budget,
            NumberPace pace,
            OptOuts optOuts,
            SendingTokens tokens,
            GraphMessages graph,
            MessagingSettings settings,
            TransactionTemplate transaction,
            StatusCallbacks callbacks,
            PausedNumbers paused,
            MarketingHeldBack heldBack,
            Clock clock) {
        this.heldBack = heldBack;
        this.paused = paused;
        this.rows = rows;
        this.budget = budget;
        this.pace = pace;
        this.optOuts = optOuts;
        this.tokens = tokens;
        this.graph = graph;
        this.settings = settings;
        this.transaction = transaction;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /**
     * Sends the message to Meta, unless it was settled meanwhile; {@code rightBeforeMeta} runs just before the
     * call (where the worker keeps its number's sends apart).
     */
    void attempt(MessageId id, boolean wasInFlight, Runnable rightBeforeMeta) {
        Optional<StoredMessage> found = rows.find(id);
        if (found.isEmpty()) {
            return;
        }
        StoredMessage message = found.get();
        if (message.sending() != Sending.QUEUED) {
            transaction.executeWithoutResult(status -> rows.leaveOutbox(id));
            return;
        }
        if (wasInFlight) {
            // The worker that called Meta never came back: the call may have reached Meta.
            log.warn("Message {} was being sent when its worker stopped; waiting for Meta's status", id);
            transaction.executeWithoutResult(status -> rows.settle(id, Sending.UNKNOWN, clock.instant()));
            return;
        }
        Optional<BusinessToken> token = tokens.of(message.wabaId());
        if (token.isEmpty()) {
            fail(message, new StoredMessage.Failure("number_not_ready", null, "token revoked", null));
            return;
        }
        MessageAccepted accepted;
        rightBeforeMeta.run();
        Instant sentAt = clock.instant();
        try {
            accepted = graph.send(
                    token.get(), message.phoneNumberId(), message.content().toMeta(message.metaRecipient(), id));
        } catch (MetaCallFailed failed) {
            failedCall(message, token.get(), failed, sentAt);
            return;
        }
        // Outside a transaction (MessageRows.accepted says why it needs none): two round trips less per send.
        Instant now = clock.instant();
        rows.accepted(id, accepted.messageId(), accepted.waId(), now);
        String metaStatus = accepted.messages().getFirst().messageStatus();
        if (HELD.equals(metaStatus)) {
            // Template pacing: Meta holds the send while it assesses the template; kept as Meta said it.
            rows.addToTimeline(id, metaStatus, now);
        }
    }

    private void failedCall(StoredMessage message, BusinessToken token, MetaCallFailed failed, Instant sentAt) {
        Instant now = clock.instant();
        if (failed.outcomeUnknown()) {
            log.warn("Meta did not answer the send of message {} in time; waiting for its status", message.id());
            transaction.executeWithoutResult(status -> rows.settle(message.id(), Sending.UNKNOWN, now));
            return;
        }
        int attempt = message.attempts() + 1;
        if (failed.errorClass() == MetaErrorClass.AUTH) {
            if (!tokens.refused(message.wabaId(), token) && attempt < settings.maxAttempts()) {
                // Sent with a token the merchant replaced meanwhile: the new one may work.
                transaction.executeWithoutResult(status -> rows.retryAt(message.id(), now, now));
                return;
            }
            fail(message, metaFailure("number_not_ready", failed));
            return;
        }
        Integer code = failed.error() == null ? null : failed.error().code();
        if (code != null && SendingPause.pausesTheNumber(code)) {
            SendingPause pause =
                    transaction.execute(status -> paused.pauseAfter(message.id(), message.phoneNumberId(), code, now));
            log.warn(
                    "Meta refused a send of number {} with {}: the number pauses until {}",
                    message.phoneNumberId(),
                    code,
                    pause.until());
            return;
        }
        if (code != null && code == THROUGHPUT_EXCEEDED) {
            pace.slowDown(message.phoneNumberId(), sentAt, now);
        }
        if (failed.errorClass().retryable() && attempt < settings.maxAttempts()) {
            Duration delay =
                    code != null && code == PAIR_RATE_EXCEEDED ? pairRateDelay(attempt) : settings.retryDelay(attempt);
            transaction.executeWithoutResult(status -> rows.retryAt(message.id(), now.plus(delay), now));
            return;
        }
        fail(message, metaFailure(failed.errorClass().retryable() ? "meta_unavailable" : "meta_refused", failed));
    }

    /**
     * Meta's advice for its pair rate limit (too many messages to one customer in a short time): wait 4^X
     * seconds, X counting the failures from 0. Only this customer's message waits; the others go on.
     */
    static Duration pairRateDelay(int attempt) {
        return Duration.ofSeconds((long) Math.pow(4, Math.min(attempt - 1, 6)));
    }

    /**
     * It failed before Meta accepted it: the engine reads why, and the customer's slot goes back. Meta's
     * refusal for a customer who stopped the store's marketing puts them on the suppression list.
     */
    private void fail(StoredMessage message, StoredMessage.Failure failure) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            java.util.Optional<StoredMessage> found = rows.lock(message.id());
            if (found.isEmpty() || !rows.settle(message.id(), Sending.REFUSED, now)) {
                return;
            }
            StoredMessage locked = found.get();
            rows.updateStatus(message.id(), DeliveryStatus.FAILED, failure, null, now);
            boolean first = rows.addToTimeline(message.id(), DeliveryStatus.FAILED.apiName(), now);
            callbacks.recorded(
                    locked, DeliveryStatus.FAILED, DeliveryStatus.FAILED.apiName(), now, first, failure, now);
            budget.release(message.portfolio(), message.customer(), message.id(), now);
            if (failure.metaCode() != null && failure.metaCode() == StatusReports.MARKETING_STOPPED) {
                optOuts.add(new OptOut(
                        message.customer(),
                        OptOutSource.META_FAILED,
                        now,
                        message.id().toString(),
                        null));
            }
            if (failure.metaCode() != null && failure.metaCode() == MarketingHeldBack.PER_USER_MARKETING_LIMIT) {
                heldBack.refused(message.customer(), now);
            }
        });
    }

    private static StoredMessage.Failure metaFailure(String code, MetaCallFailed failed) {
        GraphError error = failed.error();
        return new StoredMessage.Failure(
                code,
                error == null ? null : error.code(),
                error == null ? "HTTP " + failed.httpStatus() : error.message(),
                error == null ? null : error.details());
    }
}
