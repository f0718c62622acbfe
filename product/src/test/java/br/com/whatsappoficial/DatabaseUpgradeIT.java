package br.com.whatsappoficial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A database of the release before the session tables (so the new, lower-numbered web migration comes after
 * sandbox's 101), when the sandbox's tables were still migrated under the product's history: the product
 * still starts on it and logs in, its history forgets the sandbox's versions, and the sandbox's own history
 * takes its tables over with what they hold.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatabaseUpgradeIT {

    static final Path DATA_DIR = migratedWithoutSessions();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", DATA_DIR::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void addsTheSessionTablesToADatabaseOfThePreviousRelease() throws Exception {
        mvc.perform(formLogin("/login").user("ana@aurora.example").password("aurora-demo"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theSandboxKeepsItsTablesUnderItsOwnHistory() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version like '10_.0'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select version from meta_sandbox_schema_history where type = 'BASELINE'")
                        .query(String.class)
                        .single())
                .isEqualTo("101.0");
        assertThat(jdbc.sql("select name from sandbox_businesses where business_id = '9001'")
                        .query(String.class)
                        .single())
                .isEqualTo("Loja Antiga");
        assertThat(jdbc.sql("select count(*) from sandbox_code_grants")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private static Path migratedWithoutSessions() {
        try {
            Path dir = Files.createTempDirectory("whatsapp-oficial-upgrade");
            Flyway.configure()
                    .dataSource(
                            "jdbc:h2:file:" + dir + "/whatsapp-oficial;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                            "sa",
                            "")
                    .locations(
                            "classpath:db/migration/store",
                            "classpath:db/migration/account",
                            "classpath:db/migration/webhook",
                            "classpath:db/migration/onboarding",
                            "classpath:db/meta-sandbox")
                    // the sandbox's grants (102.0) came later
                    .target("101.0")
                    .load()
                    .migrate();
            try (var connection = java.sql.DriverManager.getConnection(
                            "jdbc:h2:file:" + dir + "/whatsapp-oficial;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                            "sa",
                            "");
                    var sql = connection.createStatement()) {
                sql.executeUpdate(
                        "insert into sandbox_businesses (business_id, name, system_user_id, verification_status, created_at)"
                                + " values ('9001', 'Loja Antiga', '9002', 'verified', now())");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
