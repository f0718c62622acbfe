package br.com.metasandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.TestClock;
import br.com.testsupport.PostgresIntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** The business profile's field rules and the Resumable Upload API that feeds its picture. */
@PostgresIntegrationTest
@Import(TestClock.Configuration.class)
class SandboxProfileAndUploadIT {

    @Autowired
    SandboxMeta meta;

    @LocalServerPort
    int port;

    Graph graph;
    SandboxScene scene;
    String profile;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph);
        profile = "/" + scene.phone().id() + "/whatsapp_business_profile";
    }

    @Test
    void savesAndReturnsTheProfile() {
        Graph.Answer saved = graph.postJson(
                profile,
                scene.token(),
                Map.of(
                        "messaging_product", "whatsapp",
                        "about", "Moda e acessórios",
                        "email", "contato@loja.com.br",
                        "websites", List.of("https://loja.com.br/"),
                        "vertical", "APPAREL"));
        assertThat(saved.body().path("success").asBoolean())
                .as(saved.body().toString())
                .isTrue();

        JsonNode data = graph.get(profile + "?fields=about,email,websites,vertical", scene.token())
                .body()
                .path("data")
                .get(0);
        assertThat(data.path("about").asString()).isEqualTo("Moda e acessórios");
        assertThat(data.path("email").asString()).isEqualTo("contato@loja.com.br");
        assertThat(data.path("websites").get(0).asString()).isEqualTo("https://loja.com.br/");
        assertThat(data.path("vertical").asString()).isEqualTo("APPAREL");
        assertThat(data.path("messaging_product").asString()).isEqualTo("whatsapp");
    }

    @Test
    void refusesValuesOutsideMetasRules() {
        assertThat(update(Map.of("about", "x".repeat(140))).code()).isEqualTo(100);
        assertThat(update(Map.of("about", " ")).code()).isEqualTo(100);
        assertThat(update(Map.of("websites", List.of("https://a.com", "https://b.com", "https://c.com")))
                        .code())
                .isEqualTo(100);
        assertThat(update(Map.of("websites", List.of("loja.com.br"))).code()).isEqualTo(100);
        assertThat(update(Map.of("vertical", "SHOES")).code()).isEqualTo(100);
        assertThat(update(Map.of("email", "not-an-email")).code()).isEqualTo(100);
        assertThat(update(Map.of("description", "d".repeat(513))).code()).isEqualTo(100);
        assertThat(update(Map.of("profile_picture_handle", "4:not-issued")).code())
                .isEqualTo(100);
        Graph.Answer withoutProduct = graph.postJson(profile, scene.token(), Map.of("about", "Oi"));
        assertThat(withoutProduct.code()).isEqualTo(100);
        assertThat(graph.get(profile, scene.token()).body().path("data").get(0).has("about"))
                .isFalse();
    }

    @Test
    void uploadsAPictureInTwoChunksAndUsesItsHandleAsTheProfilePicture() {
        byte[] picture = new byte[3000];
        Arrays.fill(picture, (byte) 7);
        Graph.Answer opened = graph.post(
                "/sandbox-app/uploads?file_name=logo.png&file_length=3000&file_type=image/png", scene.token());
        String session = opened.body().path("id").asString();
        assertThat(session).matches("upload:[A-Za-z0-9_-]+\\?sig=[A-Za-z0-9_-]+");
        String withoutSig = session.substring(0, session.indexOf('?'));
        assertThat(graph.get("/" + withoutSig, scene.token()).code()).isEqualTo(100);
        assertThat(graph.get("/" + session, scene.token())
                        .body()
                        .path("file_offset")
                        .asLong())
                .isZero();

        Graph.Answer partial = graph.postBytes("/" + session, scene.token(), 0, Arrays.copyOfRange(picture, 0, 1000));
        assertThat(partial.status()).as(partial.body().toString()).isEqualTo(200);
        assertThat(graph.get("/" + session, scene.token())
                        .body()
                        .path("file_offset")
                        .asLong())
                .isEqualTo(1000);
        Graph.Answer wrongOffset = graph.postBytes("/" + session, scene.token(), 0, new byte[10]);
        assertThat(wrongOffset.code()).isEqualTo(100);

        Graph.Answer done =
                graph.postBytes("/" + session, scene.token(), 1000, Arrays.copyOfRange(picture, 1000, 3000));
        String handle = done.body().path("h").asString();
        assertThat(handle).isNotBlank();

        assertThat(update(Map.of("profile_picture_handle", handle)).status()).isEqualTo(200);
        String url = graph.get(profile + "?fields=profile_picture_url", scene.token())
                .body()
                .path("data")
                .get(0)
                .path("profile_picture_url")
                .asString();
        assertThat(graph.download(url)).isEqualTo(picture);
    }

    @Test
    void refusesUploadsOfOtherTypesOrOverFiveMegabytes() {
        assertThat(graph.post("/sandbox-app/uploads?file_name=a.gif&file_length=10&file_type=image/gif", scene.token())
                        .code())
                .isEqualTo(100);
        assertThat(graph.post(
                                "/sandbox-app/uploads?file_name=a.png&file_length=" + (6 * 1024 * 1024)
                                        + "&file_type=image/png",
                                scene.token())
                        .code())
                .isEqualTo(100);
        assertThat(graph.post("/other-app/uploads?file_name=a.png&file_length=10&file_type=image/png", scene.token())
                        .code())
                .isEqualTo(803);
    }

    @Test
    void anOversizedJsonBodyIsAGraphErrorNotACrash() {
        Graph.Answer answer = graph.postJson(
                profile, scene.token(), Map.of("messaging_product", "whatsapp", "description", "x".repeat(70_000)));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo(100);
        assertThat(answer.error().path("fbtrace_id").asString()).isNotBlank();
    }

    private Graph.Answer update(Map<String, Object> fields) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(fields);
        body.put("messaging_product", "whatsapp");
        return graph.postJson(profile, scene.token(), body);
    }
}
