package br.com.whatsappoficial.onboarding;

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

/**
 * Hands out due registration steps to any node: a claim moves the row's next attempt a lease ahead in
 * one short transaction (SKIP LOCKED, so nodes never wait on each other), and the step runs after
 * the commit. A node that dies mid-step leaves the lease to expire, and another node takes it up.
 */
@Component
@CrossStore("the registration worker serves every store, then works as each row's store")
class RegistrationQueue {

    static final Duration LEASE = Duration.ofMinutes(2);

    private static final JobTable REGISTRATIONS =
            JobTable.of("registrations", "phone_number_id", "next_attempt_at").selecting("store_id");

    record Due(String phoneNumberId, StoreId store) {}

    private final LeasedJobs registrations;
    private final Clock clock;

    RegistrationQueue(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.registrations = REGISTRATIONS.on(jdbc, transaction);
        this.clock = clock;
    }

    List<Due> claim(int limit) {
        return registrations.claim(
                limit,
                clock.instant(),
                LEASE,
                (rs, n) -> new Due(rs.getString("phone_number_id"), new StoreId(rs.getObject("store_id", UUID.class))));
    }
}
