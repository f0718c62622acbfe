package br.com.whatsappoficial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The pool recycled under the embedded default (sandbox mode, H2 file database in a fresh data
 * directory), as `./mvnw spring-boot:run` runs it: the database was created by this very process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = {"onboarding.registration-poll=200ms", "sandbox.webhooks.poll-interval=200ms"})
class PoolRecycleOnH2IT extends PoolRecycleJourney {

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", () -> {
            try {
                return Files.createTempDirectory("whatsapp-oficial-recycle").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
