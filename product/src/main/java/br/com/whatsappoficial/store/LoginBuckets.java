package br.com.whatsappoficial.store;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Bucket4j's token buckets in the {@code login_buckets} table, so that every node of the product counts
 * the same login attempts. Each change locks its row ({@code select ... for update}) in a short
 * transaction of its own; the statements are plain SQL that PostgreSQL and the embedded H2 database
 * (PostgreSQL mode) both run. A row expires once its bucket would be full again.
 */
@Component
@CrossStore("login attempts are counted before anyone is logged in, per e-mail and per client address")
class LoginBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    // "on conflict do nothing" without a target: PostgreSQL and H2 (PostgreSQL mode) both accept it.
    private static final String INSERT_EMPTY = "insert into login_buckets (id) values (?) on conflict do nothing";
    private static final String LOCK = "select state from login_buckets where id = ? for update";
    private static final String UPDATE = "update login_buckets set state = ?, expires_at = ? where id = ?";
    private static final String DELETE = "delete from login_buckets where id = ?";
    private static final String DELETE_EXPIRED = "delete from login_buckets where expires_at < ?";

    private final DataSource database;
    private final Clock clock;

    LoginBuckets(DataSource database, Clock clock) {
        super(ClientSideConfig.getDefault()
                // The product's clock, so that tests can move time; buckets only need millisecond precision.
                .withClientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return clock.millis() * 1_000_000;
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .withRequestTimeout(Duration.ofSeconds(3))
                .withExpirationAfterWriteStrategy(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1))));
        this.database = database;
        this.clock = clock;
    }

    /** Deletes the rows of buckets that are full again: they count nothing any more. */
    int deleteExpired() {
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
            delete.setLong(1, clock.millis());
            return delete.executeUpdate();
        } catch (SQLException failed) {
            throw unavailable(failed);
        }
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        try {
            return new RowTransaction(database.getConnection(), key);
        } catch (SQLException failed) {
            throw unavailable(failed);
        }
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException failed) {
            throw unavailable(failed);
        }
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    /** One bucket's change: lock its row, read it, write it back, commit. */
    @CrossStore("a login bucket's row, as its enclosing class")
    private final class RowTransaction implements SelectForUpdateBasedTransaction {

        private final Connection connection;
        private final String key;

        private RowTransaction(Connection connection, String key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
            run(() -> connection.setAutoCommit(false));
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                applyTimeout(lock, timeoutNanos);
                lock.setString(1, key);
                try (ResultSet row = lock.executeQuery()) {
                    return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
                }
            } catch (SQLException failed) {
                throw unavailable(failed);
            }
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_EMPTY)) {
                applyTimeout(insert, timeoutNanos);
                insert.setString(1, key);
                return insert.executeUpdate() > 0;
            } catch (SQLException failed) {
                throw unavailable(failed);
            }
        }

        @Override
        public void update(byte[] data, RemoteBucketState state, Optional<Long> timeoutNanos) {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                applyTimeout(update, timeoutNanos);
                update.setBytes(1, data);
                update.setLong(2, expiresAt(state));
                update.setString(3, key);
                update.executeUpdate();
            } catch (SQLException failed) {
                throw unavailable(failed);
            }
        }

        @Override
        public void commit(Optional<Long> timeoutNanos) {
            run(connection::commit);
        }

        @Override
        public void rollback() {
            run(connection::rollback);
        }

        @Override
        public void release() {
            run(() -> {
                try (connection) {
                    connection.setAutoCommit(true);
                }
            });
        }

        private long expiresAt(RemoteBucketState state) {
            long ttl = getClientSideConfig()
                    .getExpirationAfterWriteStrategy()
                    .orElseThrow()
                    .calculateTimeToLiveMillis(state, currentTimeNanos());
            return clock.millis() + ttl;
        }
    }

    private static DataAccessResourceFailureException unavailable(SQLException failed) {
        return new DataAccessResourceFailureException("login_buckets unavailable", failed);
    }

    private interface SqlStep {
        void run() throws SQLException;
    }

    private static void run(SqlStep step) {
        try {
            step.run();
        } catch (SQLException failed) {
            throw unavailable(failed);
        }
    }
}
