package br.com.whatsappoficial.web;

import br.com.whatsappoficial.store.CrossStore;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readiness asks whether this node can write to its database, not only reach it. A database that
 * answers but cannot write (a primary turned read-only by a failover, a full disk, an embedded database
 * that fails its own constraints) must take the node out of service as an unreachable one does; a
 * connection check alone stays UP through all of them. The probe's row is rolled back: nothing piles up.
 */
@Component
@CrossStore("probes the database itself; its row belongs to no store and is never committed")
class DatabaseWritesHealthIndicator extends AbstractHealthIndicator {

    private static final int TIMEOUT_SECONDS = 2;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DatabaseWritesHealthIndicator(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        super("The database refused a write");
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(TIMEOUT_SECONDS);
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setTimeout(TIMEOUT_SECONDS);
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.update(
                    "insert into readiness_probe (probed_at, outcome) values (?, 'written')",
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        });
        builder.up();
    }
}
