package br.com.whatsappoficial.onboarding;

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
 * Hands out due registration steps to any node: a claim moves the row's next attempt a lease ahead in
 * one short transaction (SKIP LOCKED, so nodes never wait on each other), and the step runs after
 * the commit. A node that dies mid-step leaves the lease to expire, and another node takes it up.
 */
@Component
@CrossStore("the registration worker serves every store, then works as each row's store")
class RegistrationQueue {

    static final Duration LEASE = Duration.ofMinutes(2);

    record Due(String phoneNumberId, StoreId store) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    RegistrationQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    List<Due> claim(int limit) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Due> due = jdbc.sql("""
                        select phone_number_id, store_id from registrations
                        where next_attempt_at <= :now order by next_attempt_at limit :limit
                        for update skip locked""")
                .param("now", now)
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getString(1), new StoreId(rs.getObject(2, UUID.class))))
                .list();
        for (Due row : due) {
            jdbc.sql("update registrations set next_attempt_at = :lease where phone_number_id = :id")
                    .param("lease", now.plus(LEASE))
                    .param("id", row.phoneNumberId())
                    .update();
        }
        return due;
    }
}
