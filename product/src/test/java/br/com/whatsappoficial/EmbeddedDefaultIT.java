package br.com.whatsappoficial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The product as `./mvnw spring-boot:run` starts it: sandbox mode on an H2 file database under the data dir. */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedDefaultIT {

    static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", DATA_DIR::toString);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void keepsItsDatabaseInTheDataDirectory() {
        assertThat(DATA_DIR.resolve("whatsapp-oficial.mv.db")).exists();
    }

    @Test
    void demoAdminsCanLogInOnTheEmbeddedDatabase() throws Exception {
        mvc.perform(formLogin("/login").user("ana@aurora.example").password("aurora-demo"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("bruno@boavista.example").password("boavista-demo"))
                .andExpect(redirectedUrl("/"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("whatsapp-oficial-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
