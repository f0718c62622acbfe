package br.com.metasandbox.graph;

import br.com.metasandbox.state.Business;
import br.com.metasandbox.state.PhoneNumber;
import br.com.metasandbox.state.PortfolioReach;
import br.com.metasandbox.state.SandboxAccounts;
import br.com.metasandbox.state.WaId;
import br.com.metasandbox.webhooks.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The business portfolio's messaging limit [doc messaging-limits]: how many unique customers its numbers may
 * reach outside the customers' service windows in a rolling 24 h (TIER_250 → 250 …, none for TIER_UNLIMITED).
 * A customer already reached in those 24 h costs nothing; sends inside a window never count. Meta documents no
 * error for a send beyond the limit: the API accepts it, and the sandbox then sends a failed status with
 * {@link #LIMIT_REACHED} — its own choice of code.
 */
@Component
public class MessagingLimits {

    static final Duration ROLLING = Duration.ofHours(24);

    /** More sends than can be in flight at once: below the limit by more than this, a race cannot pass it. */
    static final int RACE_MARGIN = 1_000;

    /**
     * The sandbox's choice (Meta documents none): 131048, whose details Meta writes as "restrictions on how many
     * messages can be sent from this phone number", with the limit named in the details.
     */
    public static final DeliveryOutcome.Failure LIMIT_REACHED = new DeliveryOutcome.Failure(
            131048,
            "Spam rate limit hit",
            "Message failed to send because there are restrictions on how many messages can be sent from this phone"
                    + " number. (Meta sandbox rule: the business portfolio reached its messaging limit of unique"
                    + " customers outside their customer service window in a rolling 24 h.)");

    private final SandboxAccounts accounts;
    private final PortfolioReach reach;

    MessagingLimits(SandboxAccounts accounts, PortfolioReach reach) {
        this.accounts = accounts;
        this.reach = reach;
    }

    /** What one portfolio used of its limit in the last 24 h, for the console. */
    public record Usage(Business business, int reached, long cap) {}

    public Usage usage(Business business, Instant now) {
        return new Usage(business, reach.uniqueSince(business.id(), now.minus(ROLLING)), business.uniqueRecipientCap());
    }

    /**
     * Whether a send outside the customer's window may reach the customer now. Near the limit it holds the
     * portfolio until the transaction ends, so that concurrent sends count one after the other and the limit
     * is exact; far below it (more than {@link #RACE_MARGIN} customers to go) sends racing each other cannot
     * pass it, so they go without waiting for one another's commit — otherwise one portfolio could accept no
     * more sends per second than commits one after the other, below Meta's 80 per number.
     */
    boolean admits(PhoneNumber phone, WaId customer, Instant now) {
        Business business = portfolio(phone);
        Instant since = now.minus(ROLLING);
        if (reach.reachedSince(business.id(), customer.value(), since)) {
            return true;
        }
        long cap = business.uniqueRecipientCap();
        if (reach.uniqueSince(business.id(), since) < cap - RACE_MARGIN) {
            return true;
        }
        reach.lock(business.id());
        return reach.reachedSince(business.id(), customer.value(), since)
                || reach.uniqueSince(business.id(), since) < cap;
    }

    /** The customer was reached outside their window (called once the send is known to be delivered). */
    void reached(PhoneNumber phone, WaId customer, Instant now) {
        reach.record(portfolio(phone).id(), customer.value(), now);
    }

    private Business portfolio(PhoneNumber phone) {
        String businessId = accounts.waba(phone.wabaId()).orElseThrow().businessId();
        return accounts.business(businessId).orElseThrow();
    }
}
