package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.store.StoreScopedJdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds the current store's {@link SendingOverview} from its messages, outbox and proactive budget. */
@Component
class SendingOverviews {

    static final int FAILURES = 10;

    /** Meta's pricing categories in the order the merchant reads them; others Meta adds follow. */
    private static final List<String> CATEGORIES = List.of("marketing", "utility", "authentication", "service");

    private final StoreScopedJdbc jdbc;
    private final SendingNumbers numbers;
    private final ProactiveBudget budget;
    private final MessageFailures explanations;
    private final Clock clock;

    SendingOverviews(
            StoreScopedJdbc jdbc,
            SendingNumbers numbers,
            ProactiveBudget budget,
            MessageFailures explanations,
            Clock clock) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.budget = budget;
        this.explanations = explanations;
        this.clock = clock;
    }

    SendingOverview current(Locale locale) {
        Instant now = clock.instant();
        SendingNumber number = null;
        try {
            number = numbers.current();
        } catch (NumberNotReady notReady) {
            // The card still shows what was sent; it says the number cannot send now.
        }
        return new SendingOverview(number, budget(number, now), spend(now), failures(locale), queue(number, now));
    }

    private SendingOverview.Budget budget(@Nullable SendingNumber number, Instant now) {
        if (number == null) {
            return new SendingOverview.Budget(0, null, null, BudgetChart.of(List.of(), null, now));
        }
        ProactiveBudget.Usage usage = budget.usage(number.portfolio(), now);
        Integer limit = number.limit().customers();
        // Only this store's messages: a portfolio shared with another store must not show that store's customers.
        List<BudgetChart.Slot> slots = jdbc.sql("""
                        select customer, created_at from messaging_messages
                        where store_id = :storeId and portfolio = :portfolio and counts_against_limit
                          and sending <> 'REFUSED' and created_at > :from""")
                .param("portfolio", number.portfolio())
                .param("from", utc(now.minus(ProactiveBudget.WINDOW.multipliedBy(2))))
                .query((rs, n) -> new BudgetChart.Slot(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
        return new SendingOverview.Budget(
                usage.used(),
                limit,
                usage.nextReleaseAt() == null ? null : SaoPauloMoment.of(usage.nextReleaseAt(), now),
                BudgetChart.of(slots, limit, now));
    }

    private SendingOverview.Spend spend(Instant now) {
        LocalDate today = now.atZone(BudgetChart.SAO_PAULO).toLocalDate();
        Instant dayStart = today.atStartOfDay(BudgetChart.SAO_PAULO).toInstant();
        Instant monthStart =
                today.withDayOfMonth(1).atStartOfDay(BudgetChart.SAO_PAULO).toInstant();
        Map<String, Long> billableToday = new LinkedHashMap<>();
        Map<String, Long> billableMonth = new LinkedHashMap<>();
        long[] free = new long[2];
        jdbc.sql("""
                        select category, billable, today, count(*) from (
                            select pricing_category as category, coalesce(pricing_billable, false) as billable,
                                   created_at >= :dayStart as today
                            from messaging_messages
                            where store_id = :storeId and pricing_category is not null and created_at >= :monthStart
                        ) sent
                        group by category, billable, today""")
                .param("dayStart", utc(dayStart))
                .param("monthStart", utc(monthStart))
                .query(rs -> {
                    String category = rs.getString(1).toLowerCase(Locale.ROOT);
                    boolean billable = rs.getBoolean(2);
                    boolean sentToday = rs.getBoolean(3);
                    long count = rs.getLong(4);
                    if (!billable) {
                        free[1] += count;
                        free[0] += sentToday ? count : 0;
                        return;
                    }
                    billableMonth.merge(category, count, Long::sum);
                    if (sentToday) {
                        billableToday.merge(category, count, Long::sum);
                    }
                });
        List<String> shown = new ArrayList<>(CATEGORIES);
        billableMonth.keySet().stream().filter(c -> !shown.contains(c)).sorted().forEach(shown::add);
        List<SendingOverview.CategoryCount> lines = shown.stream()
                .map(category -> new SendingOverview.CategoryCount(
                        category, billableToday.getOrDefault(category, 0L), billableMonth.getOrDefault(category, 0L)))
                .toList();
        return new SendingOverview.Spend(lines, free[0], free[1]);
    }

    private List<SendingOverview.RecentFailure> failures(Locale locale) {
        return jdbc.sql("""
                        select recipient_input, customer, recipient_to, recipient_user_id, error_code,
                               meta_error_code, error_title, error_detail, updated_at
                        from messaging_messages
                        where store_id = :storeId and status = 'failed'
                        order by updated_at desc limit :size""")
                .param("size", FAILURES)
                .query((rs, n) -> {
                    Recipient recipient = new Recipient(
                            rs.getString(1), new Customer(rs.getString(2)), rs.getString(3), rs.getString(4));
                    Object metaCode = rs.getObject(6);
                    String code = rs.getString(5);
                    StoredMessage.Failure failure = new StoredMessage.Failure(
                            code == null ? "meta_failed" : code,
                            metaCode == null ? null : ((Number) metaCode).intValue(),
                            rs.getString(7) == null ? "" : rs.getString(7),
                            rs.getString(8));
                    return new SendingOverview.RecentFailure(
                            recipient.display(),
                            rs.getObject(9, OffsetDateTime.class).toInstant(),
                            explanations.title(failure, locale),
                            explanations.detail(failure, locale));
                })
                .list();
    }

    /**
     * The store's messages Meta has not accepted yet, and when they should all be out: each already holds
     * its customer's slot (the budget is decided before a message is queued), so what paces them is the
     * number's throughput, and a message waiting for a later attempt (a customer's pair rate, Meta
     * unavailable) is out no sooner than that attempt.
     */
    private SendingOverview.Queue queue(@Nullable SendingNumber number, Instant now) {
        record Waiting(long count, @Nullable Instant lastDue) {}
        Waiting waiting = jdbc.sql("select count(*), max(due_at) from messaging_outbox where store_id = :storeId")
                .query((rs, n) -> {
                    OffsetDateTime due = rs.getObject(2, OffsetDateTime.class);
                    return new Waiting(rs.getLong(1), due == null ? null : due.toInstant());
                })
                .single();
        int perSecond = number == null ? 0 : Math.max(1, number.messagesPerSecond());
        if (waiting.count() == 0) {
            return new SendingOverview.Queue(0, null, perSecond);
        }
        Instant paced = now.plus(Duration.ofMillis(Math.ceilDiv(waiting.count() * 1000, Math.max(1, perSecond))));
        Instant allOut = waiting.lastDue() != null && waiting.lastDue().isAfter(paced) ? waiting.lastDue() : paced;
        return new SendingOverview.Queue(waiting.count(), SaoPauloMoment.of(allOut, now), perSecond);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
