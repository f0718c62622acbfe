package br.com.whatsappoficial.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretTest {

    final SecureRandom random = new SecureRandom();

    @Test
    void liveAndTestKeysCarryTheirModeInTheirPrefix() {
        assertThat(ApiKeySecret.generate(ApiKeyMode.LIVE, random).reveal())
                .matches("wo_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{43}");
        assertThat(ApiKeySecret.generate(ApiKeyMode.TEST, random).reveal())
                .matches("wo_test_[0-9A-Za-z]{12}_[0-9A-Za-z]{43}");
    }

    @Test
    void aGeneratedKeyParsesBackToItsModeAndId() {
        ApiKeySecret key = ApiKeySecret.generate(ApiKeyMode.LIVE, random);

        ApiKeySecret parsed = ApiKeySecret.parse(key.reveal()).orElseThrow();

        assertThat(parsed.mode()).isEqualTo(ApiKeyMode.LIVE);
        assertThat(parsed.id()).isEqualTo(key.id());
        assertThat(parsed.matches(key.hash())).isTrue();
    }

    @Test
    void everyKeyIsDifferent() {
        Set<String> keys = new HashSet<>();
        Set<ApiKeyId> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ApiKeySecret key = ApiKeySecret.generate(ApiKeyMode.TEST, random);
            keys.add(key.reveal());
            ids.add(key.id());
        }
        assertThat(keys).hasSize(1_000);
        assertThat(ids).hasSize(1_000);
    }

    @Test
    void storesTheSha256OfTheWholeKeyAndNothingElse() throws Exception {
        ApiKeySecret key = ApiKeySecret.generate(ApiKeyMode.TEST, random);

        byte[] expected =
                MessageDigest.getInstance("SHA-256").digest(key.reveal().getBytes(StandardCharsets.UTF_8));

        assertThat(key.hash()).isEqualTo(expected);
    }

    @Test
    void aKeyWithTheSameIdButAnotherSecretDoesNotMatch() {
        ApiKeySecret key = ApiKeySecret.generate(ApiKeyMode.TEST, random);
        String revealed = key.reveal();
        char last = revealed.charAt(revealed.length() - 1);
        String forged = revealed.substring(0, revealed.length() - 1) + (last == 'a' ? 'b' : 'a');

        ApiKeySecret parsed = ApiKeySecret.parse(forged).orElseThrow();

        assertThat(parsed.id()).isEqualTo(key.id());
        assertThat(parsed.matches(key.hash())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "wo_test_",
                "sk_test_abcdefghijkl_0123456789012345678901234567890123456789012",
                "wo_prod_abcdefghijkl_0123456789012345678901234567890123456789012",
                "wo_test_abcdefghijk_0123456789012345678901234567890123456789012",
                "wo_test_abcdefghijkl_012345678901234567890123456789012345678901",
                "wo_test_abcdefghijkl_0123456789012345678901234567890123456789012 ",
                "wo_test_abcdefghij-l_0123456789012345678901234567890123456789012"
            })
    void refusesWhatIsNotShapedLikeOneOfOurKeys(String presented) {
        assertThat(ApiKeySecret.parse(presented)).isEmpty();
    }

    @Test
    void neverShowsItsSecretWhenPrinted() {
        ApiKeySecret key = ApiKeySecret.generate(ApiKeyMode.LIVE, random);
        String secretPart = key.reveal().substring(key.reveal().lastIndexOf('_') + 1);

        assertThat(key.toString()).startsWith("wo_live_" + key.id()).doesNotContain(secretPart);
        assertThat(String.valueOf(ApiKeySecret.parse(key.reveal()).orElseThrow()))
                .doesNotContain(secretPart);
    }

    @Test
    void aDemoKeyIsTheSameOnEveryStartAndDiffersPerStore() {
        ApiKeySecret aurora = ApiKeySecret.derived(ApiKeyMode.TEST, "demo-store|ana@aurora.example");

        assertThat(ApiKeySecret.derived(ApiKeyMode.TEST, "demo-store|ana@aurora.example"))
                .isEqualTo(aurora);
        assertThat(ApiKeySecret.derived(ApiKeyMode.TEST, "demo-store|bruno@boavista.example")
                        .reveal())
                .isNotEqualTo(aurora.reveal());
        assertThat(ApiKeySecret.parse(aurora.reveal())).contains(aurora);
    }
}
