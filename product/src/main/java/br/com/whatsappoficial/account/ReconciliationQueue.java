package br.com.whatsappoficial.account;

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

/** Hands out numbers due for a fresh read of Meta's fields, to one node each (SKIP LOCKED and a lease). */
@Component
@CrossStore("reconciliation serves every store, then reads each number as its store")
class ReconciliationQueue {

    static final Duration LEASE = Duration.ofMinutes(5);

    record Due(String phoneNumberId, String wabaId, StoreId store) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ReconciliationQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    List<Due> claim(int limit) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Due> due = jdbc.sql("""
                        select p.phone_number_id, p.waba_id, p.store_id from phone_numbers p
                        where p.next_sync_at <= :now order by p.next_sync_at limit :limit for update skip locked""")
                .param("now", now)
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), new StoreId(rs.getObject(3, UUID.class))))
                .list();
        for (Due row : due) {
            jdbc.sql("update phone_numbers set next_sync_at = :lease where phone_number_id = :id")
                    .param("lease", now.plus(LEASE))
                    .param("id", row.phoneNumberId())
                    .update();
        }
        return due;
    }
}
