package br.com.whatsappoficial.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresTestDatabase;
import br.com.whatsappoficial.store.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A group commit on PostgreSQL is one statement run outside a transaction: it must be committed also by
 * a pool whose connections do not auto-commit (which would otherwise roll the rows back on return).
 */
class InboxInsertIT {

    static HikariDataSource withoutAutoCommit;
    static JdbcTemplate check;

    @BeforeAll
    static void database() {
        withoutAutoCommit = new HikariDataSource();
        withoutAutoCommit.setJdbcUrl(PostgresTestDatabase.newDatabase());
        withoutAutoCommit.setUsername(PostgresTestDatabase.user());
        withoutAutoCommit.setPassword(PostgresTestDatabase.password());
        withoutAutoCommit.setMaximumPoolSize(2);
        withoutAutoCommit.setAutoCommit(false);
        Flyway.configure()
                .dataSource(withoutAutoCommit)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        check = new JdbcTemplate(withoutAutoCommit);
    }

    @AfterAll
    static void close() {
        withoutAutoCommit.close();
    }

    @Test
    void aGroupOutsideATransactionIsCommittedByAPoolWithoutAutoCommit() {
        JdbcTemplate jdbc = new JdbcTemplate(withoutAutoCommit);
        InboxInsert insert = new InboxInsert(jdbc, new Database(jdbc));
        String key = "message:wamid.autocommit-" + UUID.randomUUID();
        InboxEvent event = new InboxEvent(key, "messages", "waba-1", "phone-1", "{\"field\":\"messages\"}");

        assertThat(insert.oneStatement()).isTrue();
        assertThat(insert.insert(List.of(event, event), OffsetDateTime.now(ZoneOffset.UTC)))
                .containsExactly(true, false);

        // Another connection of the pool sees the row only if it was committed.
        assertThat(check.queryForObject(
                        "select count(*) from webhook_inbox where idempotency_key = ?", Integer.class, key))
                .isEqualTo(1);
    }
}
