package br.com.whatsappoficial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ci/secrets-in-logs}, which CI runs over a whole run's output: it finds each kind of secret the
 * sandbox and the product issue, names where without printing it, and lets the published demo keys pass.
 */
class SecretsInLogsScriptTest {

    private static final Path SCRIPT = Path.of("..", ".ci", "secrets-in-logs");
    private static final String TOKEN = "EAAS" + "x1Y2z3".repeat(30);

    @TempDir
    Path output;

    record Outcome(int exit, String printed) {}

    @Test
    void findsEachKindOfSecretAndNeverPrintsIt() throws Exception {
        Files.writeString(
                output.resolve("SomeIT-output.txt"), """
                INFO started
                DEBUG Graph call with %s
                DEBUG POST /register {"messaging_product":"whatsapp","pin":"581063"}
                DEBUG signing with wocb_%s
                WARN app secret sandbox-app-secret
                DEBUG Authorization: Bearer wo_live_AbCdEfGh1234_%s
                DEBUG keyset {"primaryKeyId":1,"key":[{"keyData":{"keyMaterialType":"SYMMETRIC"}}]}
                """.formatted(TOKEN, "ab12".repeat(16), "Z9".repeat(22)));

        Outcome outcome = run(output);

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.printed())
                .contains("SomeIT-output.txt:2", "SomeIT-output.txt:3", "SomeIT-output.txt:4")
                .contains("SomeIT-output.txt:5", "SomeIT-output.txt:6", "SomeIT-output.txt:7")
                .doesNotContain(TOKEN, "581063", "ab12ab12", "Z9Z9Z9");
    }

    @Test
    void passesAnOutputWithoutSecretsAndTheDemoKeysThatArePublished() throws Exception {
        Files.writeString(output.resolve("SomeIT-output.txt"), """
                INFO Sandbox demo login for Loja Aurora: ana@aurora.example / aurora-demo · API key \
                wo_test_p0jGfSGbM7Tb_SEWNmC8u5j37ZaTqHqjbqCvmAxhW6d5q91jZDHb7EgW
                INFO TwoStepPin[redacted], SealedSecret[61 bytes], order 123456, EAAT1234 (a test's short token)
                """);

        Outcome outcome = run(output);

        assertThat(outcome.exit()).as(outcome.printed()).isZero();
    }

    private static Outcome run(Path target) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), target.toString())
                .redirectErrorStream(true)
                .start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), printed);
    }
}
