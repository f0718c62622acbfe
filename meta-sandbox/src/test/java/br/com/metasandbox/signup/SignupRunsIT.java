package br.com.metasandbox.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.metasandbox.SandboxMeta;
import br.com.metasandbox.state.WhatsAppBusinessAccount;
import br.com.testsupport.PostgresIntegrationTest;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What runs of the popup leave behind, and which code methods a number can take. */
@PostgresIntegrationTest
class SignupRunsIT {

    @Autowired
    EmbeddedSignup signup;

    @Autowired
    SandboxMeta meta;

    @Test
    void aCancelledSignupLeavesNoEmptyWabaInTheNextPicker() {
        String email = "caio" + ThreadLocalRandom.current().nextInt(1_000_000) + "@loja.example";
        String first = atProfile(email, "new", "Padaria Caio Ltda");
        String businessId = signup.session(first).orElseThrow().businessId();
        signup.profile(signup.session(first).orElseThrow(), "Padaria Caio", "Padaria Caio", "RETAIL", null, null);
        String abandoned = signup.session(first).orElseThrow().wabaId();
        signup.cancel(signup.session(first).orElseThrow());

        String second = atPicker(email, businessId);

        assertThat(signup.wabasOf(signup.session(second).orElseThrow()))
                .extracting(WhatsAppBusinessAccount::id)
                .doesNotContain(abandoned);
    }

    @Test
    void aWabaAFinishedSignupMadeStaysInThePicker() {
        String email = "bia" + ThreadLocalRandom.current().nextInt(1_000_000) + "@loja.example";
        String first = atProfile(email, "new", "Doces Bia Ltda");
        String businessId = signup.session(first).orElseThrow().businessId();
        signup.profile(signup.session(first).orElseThrow(), "Doces Bia", "Doces Bia", "RETAIL", null, null);
        String kept = signup.session(first).orElseThrow().wabaId();
        signup.skipPhone(signup.session(first).orElseThrow());
        signup.finish(signup.session(first).orElseThrow());

        String second = atPicker(email, businessId);

        assertThat(signup.wabasOf(signup.session(second).orElseThrow()))
                .extracting(WhatsAppBusinessAccount::id)
                .contains(kept);
    }

    @Test
    void aLandlineIsRefusedAnSmsAndGetsACall() {
        String email = "rui" + ThreadLocalRandom.current().nextInt(1_000_000) + "@loja.example";
        String id = atProfile(email, "new", "Ótica Rui Ltda");
        signup.profile(signup.session(id).orElseThrow(), "Ótica Rui", "Ótica Rui", "RETAIL", null, null);
        String landline = "11 3" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));

        assertThatThrownBy(() -> signup.phone(signup.session(id).orElseThrow(), "55", landline, "SMS"))
                .isInstanceOfSatisfying(
                        SignupProblem.class,
                        problem -> assertThat(problem.messageKey()).isEqualTo("sandbox.signup.phone.landline-sms"));
        signup.phone(signup.session(id).orElseThrow(), "55", landline, "VOICE");
        signup.resend(signup.session(id).orElseThrow(), "SMS");

        assertThat(signup.lastCode(signup.session(id).orElseThrow())
                        .orElseThrow()
                        .method())
                .isEqualTo("VOICE");
    }

    private String atProfile(String email, String business, String companyName) {
        String id = signup.start(new SignupRequest("http://localhost", "sandbox-app", null))
                .id();
        signup.login(signup.session(id).orElseThrow(), email, "qualquer");
        signup.chooseBusiness(signup.session(id).orElseThrow(), business, companyName);
        signup.chooseWaba(signup.session(id).orElseThrow(), "new");
        return id;
    }

    private String atPicker(String email, String businessId) {
        String id = signup.start(new SignupRequest("http://localhost", "sandbox-app", null))
                .id();
        signup.login(signup.session(id).orElseThrow(), email, "qualquer");
        signup.chooseBusiness(signup.session(id).orElseThrow(), businessId, null);
        return id;
    }
}
