package br.com.metasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sandbox's SQL on the embedded H2 database (PostgreSQL mode), as `./mvnw spring-boot:run` runs it:
 * one pass through every repository.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxOnH2IT {

    static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", DATA_DIR::toString);
    }

    @Autowired
    SandboxMeta meta;

    @LocalServerPort
    int port;

    @Test
    void onboardsAndSendsOnH2() {
        Graph graph = new Graph(port);
        SandboxScene scene = SandboxScene.create(meta, graph);
        String phone = "/" + scene.phone().id();

        assertThat(graph.post(phone + "/request_code?code_method=SMS&language=pt_BR", scene.token())
                        .status())
                .isEqualTo(200);
        assertThat(graph.postJson(
                                phone + "/verify_code",
                                scene.token(),
                                Map.of("code", meta.lastOtp(scene.phone().id())))
                        .status())
                .isEqualTo(200);
        meta.approveDisplayName(scene.phone().id());
        assertThat(graph.postJson(
                                phone + "/register",
                                scene.token(),
                                Map.of("messaging_product", "whatsapp", "pin", "123456"))
                        .status())
                .isEqualTo(200);
        assertThat(graph.post("/" + scene.waba().id() + "/subscribed_apps", scene.token())
                        .status())
                .isEqualTo(200);
        assertThat(graph.get("/" + scene.waba().id() + "/phone_numbers", scene.token())
                        .body()
                        .path("data"))
                .hasSize(1);

        String session = graph.post(
                        "/sandbox-app/uploads?file_name=a.png&file_length=4&file_type=image/png", scene.token())
                .body()
                .path("id")
                .asString();
        String handle = graph.postBytes("/" + session, scene.token(), 0, new byte[] {1, 2, 3, 4})
                .body()
                .path("h")
                .asString();
        assertThat(graph.postJson(
                                phone + "/whatsapp_business_profile",
                                scene.token(),
                                Map.of(
                                        "messaging_product",
                                        "whatsapp",
                                        "websites",
                                        List.of("https://loja.com.br"),
                                        "profile_picture_handle",
                                        handle))
                        .status())
                .isEqualTo(200);

        meta.recordInbound(scene.phone().id(), "+5511912345678");
        meta.recordInbound(scene.phone().id(), "5511912345678");
        Graph.Answer sent = graph.postJson(
                phone + "/messages",
                scene.token(),
                Map.of("messaging_product", "whatsapp", "to", "+5511912345678", "text", Map.of("body", "Oi")));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        assertThat(meta.sentMessages(scene.phone().id())).hasSize(1);

        // A template outside the window: the WABA's templates, the portfolio's limit and the delivery scripts.
        SandboxTemplateFixtures.approved(
                meta,
                graph,
                scene,
                SandboxTemplateFixtures.withBody("oferta", "MARKETING", "Oferta para você, {{1}}!"));
        meta.scriptDelivery("+5511912341234", "DELIVERED", 0);
        Graph.Answer template = graph.postJson(
                phone + "/messages",
                scene.token(),
                SandboxTemplateFixtures.message(
                        "+5511912341234",
                        SandboxTemplateFixtures.send("oferta", List.of(SandboxTemplateFixtures.texts("body", "Ana"))),
                        null));
        assertThat(template.status()).as(template.body().toString()).isEqualTo(200);
        assertThat(meta.sentMessages(scene.phone().id())).hasSize(2);

        meta.setFault("phone.get", SandboxFault.graphError(131000));
        assertThat(graph.get(phone, scene.token()).code()).isEqualTo(131000);
        meta.clearFaults();
        meta.revokeTokens(scene.business().id());
        assertThat(graph.get(phone, scene.token()).code()).isEqualTo(190);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sandbox-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
