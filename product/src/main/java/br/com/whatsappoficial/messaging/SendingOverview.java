package br.com.whatsappoficial.messaging;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the store's number sent and may still send, as the merchant's Envios card shows it.
 *
 * @param number null when the store has no number that can send now (the card then says so)
 */
record SendingOverview(
        @Nullable SendingNumber number, Budget budget, Spend spend, List<RecentFailure> failures, Queue queue) {

    /**
     * The proactive budget: the portfolio's count now (as {@code /api/v1/limits} reports it) and the store's
     * last 24 h by hour.
     *
     * @param limit null when unlimited
     * @param nextRelease when the earliest counted customer stops counting; null when none is
     */
    record Budget(
            int used, @Nullable Integer limit, @Nullable SaoPauloMoment nextRelease, BudgetChart chart) {

        @Nullable
        public Integer remaining() {
            return limit == null ? null : Math.max(0, limit - used);
        }
    }

    /**
     * Billable messages per Meta pricing category, today and this month on São Paulo's calendar, and the
     * free ones apart (Meta charges no utility template inside the customer's service window, nor service
     * replies). Meta does not tell the product its prices, so these are counts, not money.
     */
    record Spend(List<CategoryCount> categories, long freeToday, long freeThisMonth) {}

    /** @param category Meta's pricing category as its webhooks name it ({@code marketing}, {@code utility}, …) */
    record CategoryCount(String category, long today, long thisMonth) {}

    /**
     * A failed message, with our explanation of Meta's code.
     *
     * @param detail what it means and what to do; null when nothing more is known than the title
     */
    record RecentFailure(
            String recipient,
            Instant at,
            String title,
            @Nullable String detail) {}

    /**
     * Messages waiting for Meta to accept them, and when they should all be out.
     *
     * @param allOutAt null when nothing is queued
     */
    record Queue(long waiting, @Nullable SaoPauloMoment allOutAt, int messagesPerSecond) {

        public boolean running() {
            return waiting > 0;
        }
    }
}
