package br.com.whatsappoficial.store;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the product runs on. Production is PostgreSQL, where the hot paths write a whole batch
 * in one statement over array parameters ({@code unnest}); the embedded default (H2) takes the portable
 * JDBC batch of one statement per row.
 */
@Component
@CrossStore("reads the connection's metadata only, never a store's rows")
public class Database {

    private final JdbcTemplate jdbc;
    private volatile @Nullable Boolean postgres;

    public Database(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>)
                    connection -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return Boolean.TRUE.equals(known);
    }
}
