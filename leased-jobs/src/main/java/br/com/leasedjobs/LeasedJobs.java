package br.com.leasedjobs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands out the due rows of a {@link JobTable}, each to one claimer at a time, on any number of nodes
 * sharing one database: a claim locks due rows with {@code FOR UPDATE SKIP LOCKED} (so claimers never
 * wait on each other) and, in the same transaction, moves their due time to the end of the lease. A
 * claimer that dies holding rows only delays them: once the lease runs out they are due again. What
 * becomes of a row after its work (done, rescheduled with backoff) is the caller's own update. Work done
 * inside one transaction can {@link #lock} its rows instead: nothing is written to take them.
 */
public final class LeasedJobs {

    private final JobTable jobs;
    private final JdbcClient jdbc;
    private final TransactionOperations transaction;

    LeasedJobs(JobTable jobs, JdbcClient jdbc, TransactionOperations transaction) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Claims up to {@code limit} rows due at {@code now}, earliest due first, and leases them until
     * {@code now + lease}; returns them as {@code rows} maps them (it may read the key and the columns
     * the table selects). Joins the caller's transaction if there is one, whose commit then ends the claim.
     */
    public <T> List<T> claim(int limit, Instant now, Duration lease, RowMapper<T> rows) {
        if (limit < 1) {
            throw new IllegalArgumentException("a claim takes at least one row, not " + limit);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must last, not " + lease);
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return Objects.requireNonNull(transaction.execute(status -> {
            List<Object> keys = new ArrayList<>();
            List<T> claimed = jdbc.sql(jobs.claimSql())
                    .param("now", at)
                    .param("limit", limit)
                    .query((rs, n) -> {
                        keys.add(rs.getObject(jobs.key()));
                        return rows.mapRow(rs, n);
                    })
                    .list();
            if (!keys.isEmpty()) {
                jdbc.sql(jobs.leaseSql())
                        .param("leaseEnd", at.plus(lease))
                        .param("keys", keys)
                        .update();
            }
            return claimed;
        }));
    }

    /**
     * Locks up to {@code limit} rows due at {@code now}, earliest due first, in the caller's transaction,
     * without leasing them: they stay with the caller until that transaction ends, which is also what
     * ends the claim (committed with the caller's own update of them, or rolled back and due again at
     * once, also when the claimer dies and the database ends its transaction). Nothing is written to take
     * them, so a claim counts nothing: a caller that counts attempts does it when one fails.
     *
     * @throws IllegalStateException outside a transaction, where the locks would end with the statement
     */
    public <T> List<T> lock(int limit, Instant now, RowMapper<T> rows) {
        if (limit < 1) {
            throw new IllegalArgumentException("a claim takes at least one row, not " + limit);
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("locking " + jobs + " needs the caller's transaction");
        }
        return jdbc.sql(jobs.claimSql())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query(rows)
                .list();
    }

    @Override
    public String toString() {
        return "leased " + jobs;
    }
}
