package br.com.whatsappoficial.profile;

import br.com.leasedjobs.JobTable;
import br.com.leasedjobs.LeasedJobs;
import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Hands out stores whose profile is due for a comparison with Meta's copy, to one node each. */
@Component
@CrossStore("the periodic check serves every store, then syncs each one's numbers as that store")
class ProfileCheckQueue {

    static final Duration LEASE = Duration.ofMinutes(5);

    private static final JobTable CHECKS = JobTable.of("business_profiles", "store_id", "next_check_at");

    private final LeasedJobs checks;
    private final Clock clock;

    ProfileCheckQueue(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.checks = CHECKS.on(jdbc, transaction);
        this.clock = clock;
    }

    List<StoreId> claim(int limit) {
        return checks.claim(
                limit, clock.instant(), LEASE, (rs, n) -> new StoreId(rs.getObject("store_id", UUID.class)));
    }
}
