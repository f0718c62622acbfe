package br.com.metasandbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The sandbox's tables, migrated under a Flyway history of their own ({@code meta_sandbox_schema_history},
 * scripts in {@code db/meta-sandbox}), so that the product's history never lists them and a live database
 * never gets them. Not a {@link Flyway} bean: one would switch off the product's own Flyway.
 */
final class SandboxSchema {

    static final String HISTORY = "meta_sandbox_schema_history";

    /**
     * Until the sandbox had a history of its own, versions 100.0 to 102.0 were migrated under the product's
     * history; a database of that time already has their tables (each version's newest table tells how far
     * it got), so the sandbox's history starts after them instead of creating them again.
     */
    private static final List<MigratedWithTheProduct> MIGRATED_WITH_THE_PRODUCT = List.of(
            new MigratedWithTheProduct("102.0", "sandbox_code_grants"),
            new MigratedWithTheProduct("101.0", "sandbox_signup_sessions"),
            new MigratedWithTheProduct("100.0", "sandbox_businesses"));

    private record MigratedWithTheProduct(String version, String newestTable) {}

    private final DataSource dataSource;

    SandboxSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void migrate() {
        // The schema is never empty (the product's tables share it), so the sandbox's history always starts
        // with a baseline: below every script on a new database, after the scripts it already ran on an old one.
        MigrationVersion start = exists(HISTORY)
                ? MigrationVersion.fromVersion("0")
                : migratedWithTheProduct().orElse(MigrationVersion.fromVersion("0"));
        Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY)
                .locations("classpath:db/meta-sandbox")
                .baselineOnMigrate(true)
                .baselineVersion(start)
                .baselineDescription("before the sandbox had a history of its own")
                .load()
                .migrate();
    }

    private Optional<MigrationVersion> migratedWithTheProduct() {
        return MIGRATED_WITH_THE_PRODUCT.stream()
                .filter(migrated -> exists(migrated.newestTable()))
                .findFirst()
                .map(migrated -> MigrationVersion.fromVersion(migrated.version()));
    }

    private boolean exists(String table) {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database's tables", e);
        }
    }
}
