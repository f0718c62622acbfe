package br.com.whatsappoficial.store;

import java.util.Locale;
import java.util.regex.Pattern;
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

    private final JdbcClient jdbc;

    StoreScopedJdbc(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A statement bound to the current store; fails with {@link NoCurrentStore} outside of one. */
    public JdbcClient.StatementSpec sql(String sql) {
        requireStoreFilter(sql);
        return jdbc.sql(sql).param("storeId", CurrentStore.require().value());
    }

    static void requireStoreFilter(String sql) {
        boolean insert = sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("insert");
        boolean scoped = insert
                ? sql.contains(":storeId")
                : FILTERS_BY_STORE.matcher(sql).find();
        if (!scoped) {
            throw new IllegalArgumentException("A store-owned statement must " + (insert ? "write" : "filter by")
                    + " store_id = :storeId: " + sql);
        }
    }
}
