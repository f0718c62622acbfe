package br.com.whatsappoficial.template;

import br.com.whatsappoficial.meta.WabaId;
import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out WABAs due for a sync of their templates, to one node each: claimed with SKIP LOCKED and
 * leased by moving their next sync past the lease, the way the account module's reconciliation is.
 */
@Component
@CrossStore("the periodic sync serves every store, then reads each WABA's templates as its store")
class TemplateSyncQueue {

    static final Duration LEASE = Duration.ofMinutes(5);

    record Due(WabaId waba, StoreId store) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    TemplateSyncQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    List<Due> claim(int limit) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Due> due = jdbc.sql("""
                        select waba_id, store_id from template_syncs
                        where next_sync_at <= :now order by next_sync_at limit :limit for update skip locked""")
                .param("now", now)
                .param("limit", limit)
                .query((rs, n) -> new Due(new WabaId(rs.getString(1)), new StoreId(rs.getObject(2, UUID.class))))
                .list();
        for (Due row : due) {
            jdbc.sql("update template_syncs set next_sync_at = :lease where waba_id = :waba")
                    .param("lease", now.plus(LEASE))
                    .param("waba", row.waba().value())
                    .update();
        }
        return due;
    }
}
