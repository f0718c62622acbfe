package br.com.whatsappoficial.account;

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

/** Hands out numbers due for a fresh read of Meta's fields, to one node each (SKIP LOCKED and a lease). */
@Component
@CrossStore("reconciliation serves every store, then reads each number as its store")
class ReconciliationQueue {

    static final Duration LEASE = Duration.ofMinutes(5);

    private static final JobTable NUMBERS =
            JobTable.of("phone_numbers", "phone_number_id", "next_sync_at").selecting("waba_id", "store_id");

    record Due(String phoneNumberId, String wabaId, StoreId store) {}

    private final LeasedJobs numbers;
    private final Clock clock;

    ReconciliationQueue(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.numbers = NUMBERS.on(jdbc, transaction);
        this.clock = clock;
    }

    List<Due> claim(int limit) {
        return numbers.claim(
                limit,
                clock.instant(),
                LEASE,
                (rs, n) -> new Due(
                        rs.getString("phone_number_id"),
                        rs.getString("waba_id"),
                        new StoreId(rs.getObject("store_id", UUID.class))));
    }
}
