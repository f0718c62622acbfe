package br.com.whatsappoficial.store;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way to query store-owned data: every statement is bound to {@link CurrentStore} through the
 * {@code :storeId} parameter, and a statement that does not filter (or, for inserts, write) by it is
 * refused before it reaches the database. Classes that must see all stores say so with {@link
 * CrossStore}.
 */
@Component
public class StoreScopedJdbc {

    private static final Pattern FILTERS_BY_STORE = Pattern.compile("\\bstore_id\\s*=\\s*:storeId\\b");

    /** What a statement made only of inserts has none of (lower case; a parameter such as {@code :from} is no keyword). */
    private static final Pattern READS_OR_CHANGES = Pattern.compile("(?<![:\\w])(select|update|delete|from|merge)\\b");

    private static final Pattern INSERT = Pattern.compile("\\binsert\\s+into\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Statements already found scoped. The code's statements are constants, so this holds a few hundred;
     * past {@link #CHECKED_LIMIT} (a statement built with values in it, which should not exist) each is
     * checked again rather than kept. Checking cost a lowercased copy and a regular expression per
     * statement: 7 % of the webhook workers' time.
     */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private static final int CHECKED_LIMIT = 4_096;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    StoreScopedJdbc(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A statement bound to the current store; fails with {@link NoCurrentStore} outside of one. */
    public JdbcClient.StatementSpec sql(String sql) {
        requireStoreFilter(sql);
        return jdbc.sql(sql).param("storeId", CurrentStore.require().value());
    }

    /**
     * One statement run for each row in a single JDBC batch (one round trip), each bound to the current
     * store; answers each row's update count.
     */
    public int[] batch(String sql, List<? extends Map<String, ?>> rows) {
        requireStoreFilter(sql);
        if (rows.isEmpty()) {
            return new int[0];
        }
        UUID store = CurrentStore.require().value();
        return named.batchUpdate(
                sql,
                rows.stream()
                        .map(row -> new MapSqlParameterSource(row).addValue("storeId", store))
                        .toArray(SqlParameterSource[]::new));
    }

    /**
     * Inserts chained in one statement (PostgreSQL's {@code with a as (insert …) insert …}): each must write
     * the current store, a {@code :storeId} before the next insert begins.
     */
    private static boolean everyInsertWritesTheStore(String sql) {
        String[] inserts = INSERT.split(sql, -1);
        return inserts.length > 1
                && java.util.Arrays.stream(inserts, 1, inserts.length).allMatch(insert -> insert.contains(":storeId"));
    }

    static void requireStoreFilter(String sql) {
        if (CHECKED.contains(sql)) {
            return;
        }
        String lower = sql.stripLeading().toLowerCase(Locale.ROOT);
        boolean insert = lower.startsWith("insert");
        boolean insertsOnly = !insert
                && lower.startsWith("with")
                && !READS_OR_CHANGES.matcher(lower).find();
        boolean scoped = insert
                ? sql.contains(":storeId")
                : insertsOnly
                        ? everyInsertWritesTheStore(sql)
                        : FILTERS_BY_STORE.matcher(sql).find();
        if (!scoped) {
            throw new IllegalArgumentException("A store-owned statement must " + (insert ? "write" : "filter by")
                    + " store_id = :storeId: " + sql);
        }
        if (CHECKED.size() < CHECKED_LIMIT) {
            CHECKED.add(sql);
        }
    }
}
