package br.com.whatsappoficial.autoreply;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the store's earlier automatic replies know of one customer, read before deciding on their new message.
 *
 * @param previousMessageAt when the customer's previous message (any we decided on) was sent
 * @param lastReplyAt when our latest reply to them was queued
 * @param repliesInLastDay our replies to them in the 24 h before the new message
 * @param quickAnswersInLastDay their messages that came within seconds of one of our replies, in those 24 h
 * @param humanAnsweredAt when the merchant last wrote to them from the WhatsApp Business app (coexistence)
 */
record CustomerHistory(
        @Nullable Instant previousMessageAt,
        @Nullable Instant lastReplyAt,
        int repliesInLastDay,
        int quickAnswersInLastDay,
        @Nullable Instant humanAnsweredAt) {

    /** What our own replies know, before asking whether a person answered from the app. */
    CustomerHistory(
            @Nullable Instant previousMessageAt,
            @Nullable Instant lastReplyAt,
            int repliesInLastDay,
            int quickAnswersInLastDay) {
        this(previousMessageAt, lastReplyAt, repliesInLastDay, quickAnswersInLastDay, null);
    }

    static CustomerHistory none() {
        return new CustomerHistory(null, null, 0, 0);
    }

    CustomerHistory withHumanAnswerAt(@Nullable Instant answeredAt) {
        return new CustomerHistory(previousMessageAt, lastReplyAt, repliesInLastDay, quickAnswersInLastDay, answeredAt);
    }
}
