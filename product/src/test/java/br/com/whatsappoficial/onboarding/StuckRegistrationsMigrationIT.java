package br.com.whatsappoficial.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.testsupport.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database of the release that waited for the display name's approval before registering: the
 * upgrade's migration sends its waiting numbers on to the register step, on PostgreSQL and on the
 * embedded H2 alike, and leaves every other registration as it was.
 */
class StuckRegistrationsMigrationIT {

    private static final String[] LOCATIONS = {
        "classpath:db/migration/store",
        "classpath:db/migration/account",
        "classpath:db/migration/webhook",
        "classpath:db/migration/onboarding",
        "classpath:db/migration/web",
        "classpath:db/migration/sandbox"
    };

    @Test
    void numbersWaitingForTheNameReviewMoveOnToRegisterOnPostgres() throws SQLException {
        String schema =
                "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = PostgresTestDatabase.jdbcUrl();
        try (Connection connection =
                        DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
                Statement sql = connection.createStatement()) {
            sql.execute("create schema " + schema);
            try {
                upgradeMovesTheWaitingNumbersOn(
                        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                        PostgresTestDatabase.user(),
                        PostgresTestDatabase.password(),
                        schema);
            } finally {
                sql.execute("drop schema " + schema + " cascade");
            }
        }
    }

    @Test
    void numbersWaitingForTheNameReviewMoveOnToRegisterOnH2() throws SQLException {
        String url = "jdbc:h2:mem:upgrade-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        upgradeMovesTheWaitingNumbersOn(url, "sa", "", null);
    }

    private static void upgradeMovesTheWaitingNumbersOn(String url, String user, String password, String schema)
            throws SQLException {
        flyway(url, user, password, schema).target("30.0").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            UUID store = UUID.randomUUID();
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into stores (store_id, name, created_at) values (?, ?, ?)")) {
                insert.setObject(1, store);
                insert.setString(2, "Loja Antiga");
                insert.setObject(3, OffsetDateTime.now());
                insert.executeUpdate();
            }
            OffsetDateTime inFiveMinutes = OffsetDateTime.now().plusMinutes(5);
            registration(connection, store, "1001", "AWAIT_APPROVAL", inFiveMinutes);
            registration(connection, store, "1002", "REGISTERED", null);
            registration(connection, store, "1003", "SUBSCRIBE_APP", inFiveMinutes);

            flyway(url, user, password, schema).load().migrate();

            assertThat(state(connection, "1001")).isEqualTo("REGISTER");
            assertThat(nextAttempt(connection, "1001")).isBefore(inFiveMinutes.minusMinutes(1));
            assertThat(state(connection, "1002")).isEqualTo("REGISTERED");
            assertThat(nextAttempt(connection, "1002")).isNull();
            assertThat(state(connection, "1003")).isEqualTo("SUBSCRIBE_APP");
            assertThat(nextAttempt(connection, "1003")).isAfter(inFiveMinutes.minusSeconds(1));
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
            String url, String user, String password, String schema) {
        var configuration = Flyway.configure()
                .dataSource(url, user, password)
                .locations(LOCATIONS)
                .outOfOrder(true);
        return schema == null ? configuration : configuration.schemas(schema);
    }

    private static void registration(Connection connection, UUID store, String phone, String state, OffsetDateTime next)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into registrations (phone_number_id, store_id, waba_id, state, two_step_pin, next_attempt_at,
                                           created_at, updated_at)
                values (?, ?, '2001', ?, ?, ?, ?, ?)""")) {
            insert.setString(1, phone);
            insert.setObject(2, store);
            insert.setString(3, state);
            insert.setBytes(4, new byte[] {1, 2, 3});
            insert.setObject(5, next);
            insert.setObject(6, OffsetDateTime.now());
            insert.setObject(7, OffsetDateTime.now());
            insert.executeUpdate();
        }
    }

    private static String state(Connection connection, String phone) throws SQLException {
        return column(connection, phone, "state", String.class);
    }

    private static OffsetDateTime nextAttempt(Connection connection, String phone) throws SQLException {
        return column(connection, phone, "next_attempt_at", OffsetDateTime.class);
    }

    private static <T> T column(Connection connection, String phone, String column, Class<T> type) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("select " + column + " from registrations where phone_number_id = ?")) {
            query.setString(1, phone);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getObject(1, type);
            }
        }
    }
}
