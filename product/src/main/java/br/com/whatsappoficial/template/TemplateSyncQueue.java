package br.com.whatsappoficial.template;

import br.com.leasedjobs.JobTable;
import br.com.leasedjobs.LeasedJobs;
import br.com.whatsappoficial.meta.WabaId;
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
 * Hands out WABAs due for a sync of their templates, to one node each: claimed with SKIP LOCKED and
 * leased by moving their next sync past the lease, the way the account module's reconciliation is.
 */
@Component
@CrossStore("the periodic sync serves every store, then reads each WABA's templates as its store")
class TemplateSyncQueue {

    static final Duration LEASE = Duration.ofMinutes(5);

    private static final JobTable SYNCS =
            JobTable.of("template_syncs", "waba_id", "next_sync_at").selecting("store_id");

    record Due(WabaId waba, StoreId store) {}

    private final LeasedJobs syncs;
    private final Clock clock;

    TemplateSyncQueue(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.syncs = SYNCS.on(jdbc, transaction);
        this.clock = clock;
    }

    List<Due> claim(int limit) {
        return syncs.claim(
                limit,
                clock.instant(),
                LEASE,
                (rs, n) -> new Due(
                        new WabaId(rs.getString("waba_id")), new StoreId(rs.getObject("store_id", UUID.class))));
    }
}
