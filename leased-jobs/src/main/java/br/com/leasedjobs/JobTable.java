package br.com.leasedjobs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SequencedSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Which rows of a table are jobs: those whose due column has come, optionally narrowed by a condition.
 *
 * <p>Its SQL is built by concatenation, so everything given here must be a trusted constant written in
 * code, never user input: names are checked to be plain lower-case identifiers, and the condition and
 * the claim's extra assignments are SQL fragments taken as they are. Values (the time, the limit, the
 * keys) are always bound as parameters.
 */
public final class JobTable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String table;
    private final String key;
    private final String due;
    private final List<String> columns;
    private final @Nullable String condition;
    private final @Nullable String onClaim;

    private JobTable(
            String table,
            String key,
            String due,
            List<String> columns,
            @Nullable String condition,
            @Nullable String onClaim) {
        this.table = identifier(table);
        this.key = identifier(key);
        this.due = identifier(due);
        this.columns = columns.stream().map(JobTable::identifier).toList();
        this.condition = condition;
        this.onClaim = onClaim;
    }

    /**
     * The rows of {@code table}, each identified by the single column {@code key}, due when the time in
     * {@code due} (a timestamp with time zone) has come; a claim pushes {@code due} past the lease.
     */
    public static JobTable of(String table, String key, String due) {
        return new JobTable(table, key, due, List.of(), null, null);
    }

    /** The columns a claim reads for the caller's row mapper, besides the key (always read). */
    public JobTable selecting(String... columns) {
        return new JobTable(table, key, due, List.of(columns), condition, onClaim);
    }

    /** Only the due rows that also meet {@code condition} (a trusted SQL predicate) are jobs. */
    public JobTable where(String condition) {
        return new JobTable(table, key, due, columns, Objects.requireNonNull(condition), onClaim);
    }

    /**
     * A claim also sets {@code assignments} (trusted SQL, such as {@code attempts = attempts + 1}) on the
     * rows it takes, in the same statement that leases them.
     */
    public JobTable settingOnClaim(String assignments) {
        return new JobTable(table, key, due, columns, condition, Objects.requireNonNull(assignments));
    }

    /** Claims these jobs through {@code jdbc}, each claim in a transaction of {@code transaction}. */
    public LeasedJobs on(JdbcClient jdbc, TransactionOperations transaction) {
        return new LeasedJobs(this, jdbc, transaction);
    }

    String key() {
        return key;
    }

    String claimSql() {
        SequencedSet<String> read = new LinkedHashSet<>();
        read.add(key);
        read.addAll(columns);
        List<String> where = new ArrayList<>();
        where.add(due + " <= :now");
        if (condition != null) {
            where.add("(" + condition + ")");
        }
        // SKIP LOCKED: a row another claimer holds is passed over, not waited for; H2 (PostgreSQL mode)
        // accepts the same clause.
        return "select " + String.join(", ", read) + " from " + table + " where " + String.join(" and ", where)
                + " order by " + due + " limit :limit for update skip locked";
    }

    String leaseSql() {
        return "update " + table + " set " + due + " = :leaseEnd" + (onClaim == null ? "" : ", " + onClaim) + " where "
                + key + " in (:keys)";
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
        return name;
    }

    @Override
    public String toString() {
        return "jobs of " + table + " due by " + due;
    }
}
