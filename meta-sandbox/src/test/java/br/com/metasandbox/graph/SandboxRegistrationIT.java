package br.com.metasandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.metasandbox.Graph;
import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.SandboxScene;
import br.com.metasandbox.TestClock;
import br.com.testsupport.PostgresIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** request_code, verify_code, register, deregister and the two-step PIN. */
@PostgresIntegrationTest
@Import(TestClock.Configuration.class)
class SandboxRegistrationIT {

    static final Map<String, String> REGISTER = Map.of("messaging_product", "whatsapp", "pin", "246810");

    @Autowired
    SandboxMeta meta;

    @LocalServerPort
    int port;

    Graph graph;
    SandboxScene scene;
    String phone;

    @BeforeEach
    void scene() {
        graph = new Graph(port);
        scene = SandboxScene.create(meta, graph);
        phone = "/" + scene.phone().id();
    }

    @Test
    void requestCodeNeedsAMethodAndALanguage() {
        Graph.Answer noLanguage = graph.postJson(phone + "/request_code", scene.token(), Map.of("code_method", "SMS"));
        Graph.Answer badMethod = graph.postJson(
                phone + "/request_code", scene.token(), Map.of("code_method", "PIGEON", "language", "pt_BR"));

        assertThat(noLanguage.code()).isEqualTo(100);
        assertThat(badMethod.code()).isEqualTo(100);
    }

    @Test
    void theCodeSentToThePhoneVerifiesTheNumberAndAWrongOneDoesNot() {
        // query-string parameters, as Meta's reference shows them
        Graph.Answer requested = graph.post(phone + "/request_code?code_method=SMS&language=pt_BR", scene.token());
        assertThat(requested.body().path("success").asBoolean()).isTrue();
        String otp = meta.lastOtp(scene.phone().id());
        assertThat(otp).matches("\\d{6}");
        String wrong = otp.equals("000000") ? "111111" : "000000";

        Graph.Answer refused = graph.postJson(phone + "/verify_code", scene.token(), Map.of("code", wrong));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(136025);
        assertThat(status(scene, "code_verification_status")).isEqualTo("NOT_VERIFIED");

        // form parameters work too
        Graph.Answer verified = graph.postForm(phone + "/verify_code", scene.token(), Map.of("code", otp));
        assertThat(verified.body().path("success").asBoolean()).isTrue();
        assertThat(status(scene, "code_verification_status")).isEqualTo("VERIFIED");
    }

    @Test
    void aLandlineGetsItsCodeByVoiceCallOnly() {
        String landline = "+5511"
                + (30_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9_999_999));
        String phoneId =
                meta.addPhone(scene.waba().id(), landline, "Loja Exemplo").id();

        Graph.Answer sms = graph.postJson(
                "/" + phoneId + "/request_code", scene.token(), Map.of("code_method", "SMS", "language", "pt_BR"));
        Graph.Answer voice = graph.postJson(
                "/" + phoneId + "/request_code", scene.token(), Map.of("code_method", "VOICE", "language", "pt_BR"));

        assertThat(sms.status()).isEqualTo(400);
        assertThat(sms.code()).isEqualTo(100);
        assertThat(sms.error().path("error_data").path("details").asString()).contains("landline");
        assertThat(voice.status()).isEqualTo(200);
        assertThat(meta.lastOtp(phoneId)).matches("\\d{6}");
    }

    @Test
    void codeRequestsAreBounded() {
        for (int i = 0; i < CloudApiRegistration.CODE_REQUESTS; i++) {
            assertThat(graph.postJson(
                                    phone + "/request_code",
                                    scene.token(),
                                    Map.of("code_method", "VOICE", "language", "pt_BR"))
                            .status())
                    .isEqualTo(200);
        }
        Graph.Answer tooMany = graph.postJson(
                phone + "/request_code", scene.token(), Map.of("code_method", "VOICE", "language", "pt_BR"));
        assertThat(tooMany.code()).isEqualTo(136024);
    }

    @Test
    void anUnverifiedNumberCannotRegister() {
        meta.approveDisplayName(scene.phone().id());
        Graph.Answer answer = graph.postJson(phone + "/register", scene.token(), REGISTER);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo(133006);
        assertThat(answer.message()).startsWith("(#133006)");
    }

    @Test
    void aVerifiedNumberRegistersWhileItsDisplayNameIsStillUnderReview() {
        meta.verifyPhone(scene.phone().id());

        Graph.Answer answer = graph.postJson(phone + "/register", scene.token(), REGISTER);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(status(scene, "status")).isEqualTo("CONNECTED");
        assertThat(status(scene, "name_status")).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void registersWithThePinAndDataLocalizationRegionAndConnects() {
        meta.verifyPhone(scene.phone().id());
        meta.approveDisplayName(scene.phone().id());

        Graph.Answer answer = graph.postJson(
                phone + "/register",
                scene.token(),
                Map.of("messaging_product", "whatsapp", "pin", "246810", "data_localization_region", "BR"));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(status(scene, "status")).isEqualTo("CONNECTED");
        assertThat(status(scene, "last_onboarded_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
    }

    @Test
    void aDifferentPinThanTheTwoStepPinIsRefused() {
        meta.verifyPhone(scene.phone().id());
        meta.approveDisplayName(scene.phone().id());
        assertThat(graph.postJson(phone, scene.token(), Map.of("pin", "135790")).status())
                .isEqualTo(200);

        Graph.Answer answer = graph.postJson(phone + "/register", scene.token(), REGISTER);

        assertThat(answer.code()).isEqualTo(133005);
        assertThat(graph.postJson(
                                phone + "/register",
                                scene.token(),
                                Map.of("messaging_product", "whatsapp", "pin", "135790"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theEleventhRegisterOrDeregisterWithin72HoursIsRefused() {
        meta.verifyPhone(scene.phone().id());
        meta.approveDisplayName(scene.phone().id());
        for (int i = 0; i < 5; i++) {
            assertThat(graph.postJson(phone + "/register", scene.token(), REGISTER)
                            .status())
                    .isEqualTo(200);
            assertThat(graph.post(phone + "/deregister", scene.token()).status())
                    .isEqualTo(200);
        }

        Graph.Answer eleventh = graph.postJson(phone + "/register", scene.token(), REGISTER);

        assertThat(eleventh.status()).isEqualTo(400);
        assertThat(eleventh.code()).isEqualTo(133016);
        assertThat(status(scene, "status")).isEqualTo("DISCONNECTED");
    }

    @Test
    void twoStepPinMustBeSixDigits() {
        Graph.Answer answer = graph.postJson(phone, scene.token(), Map.of("pin", "12ab"));
        assertThat(answer.code()).isEqualTo(100);
    }

    private String status(SandboxScene scene, String field) {
        return graph.get("/" + scene.phone().id() + "?fields=" + field, scene.token())
                .body()
                .path(field)
                .asString();
    }
}
