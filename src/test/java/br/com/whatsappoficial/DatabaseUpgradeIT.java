package br.com.whatsappoficial;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A database that already has every migration of the release before the session tables (so the new,
 * lower-numbered web migration comes after sandbox's 101): the product still starts on it and logs in.
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

    @Test
    void addsTheSessionTablesToADatabaseOfThePreviousRelease() throws Exception {
        mvc.perform(formLogin("/login").user("ana@aurora.example").password("aurora-demo"))
                .andExpect(redirectedUrl("/"));
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
                            "classpath:db/migration/sandbox")
                    .load()
                    .migrate();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
