package br.com.whatsappoficial;

import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the connection pool do at once what it does to each connection at the end of its maximum
 * lifetime (30 minutes by default): close every connection it holds and open new ones.
 */
public final class ConnectionPools {

    private ConnectionPools() {}

    /**
     * Retires every connection of the pool, the one that ran the migrations included, and returns once
     * the database has closed all of their sessions.
     */
    public static void retireEveryConnection(DataSource dataSource) {
        HikariDataSource pool = unwrap(dataSource);
        List<Long> sessions = new ArrayList<>();
        // A connection from outside the pool keeps the database open throughout, as the pool's staggered
        // retirements do in production; an embedded database would otherwise close and reopen, which is
        // not what happens after 30 minutes.
        try (Connection anchor =
                DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            List<Connection> held = new ArrayList<>();
            try {
                // Holding as many connections as the pool may have is holding every one it has.
                for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                    Connection connection = pool.getConnection();
                    held.add(connection);
                    sessions.add(sessionOf(connection));
                }
                pool.getHikariPoolMXBean().softEvictConnections();
            } finally {
                held.forEach(ConnectionPools::closeQuietly);
            }
            // Back in the pool they are idle: evicting again closes them now rather than when next borrowed.
            pool.getHikariPoolMXBean().softEvictConnections();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            String ids = sessions.stream().map(String::valueOf).collect(Collectors.joining(","));
            String stillOpen = postgres(anchor)
                    ? "select count(*) from pg_stat_activity where pid in (" + ids + ")"
                    : "select count(*) from information_schema.sessions where session_id in (" + ids + ")";
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql(stillOpen).query(Long.class).single() == 0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sessionOf(Connection connection) throws SQLException {
        String query = postgres(connection) ? "select pg_backend_pid()" : "select session_id()";
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static HikariDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the product's DataSource is not a Hikari pool", e);
        }
    }

    private static boolean postgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // evicted on its way back: the pool closes it either way
        }
    }
}
