package br.com.whatsappoficial.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.whatsappoficial.store.StoreId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class SecretVaultTest {

    static final String TOKEN = "EAAGm0PX4ZCpsBAKZCZBbusinesstoken";

    @TempDir
    Path data;

    final StoreId aurora = StoreId.random();
    final StoreId boaVista = StoreId.random();

    @Test
    void sealsAndOpensASecretOfAStore() {
        SecretVault vault = sandboxVault();
        SealedSecret sealed = vault.seal(aurora, SecretPurpose.BUSINESS_TOKEN, TOKEN);

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        assertThat(vault.open(aurora, SecretPurpose.BUSINESS_TOKEN, sealed)).isEqualTo(TOKEN);
    }

    @Test
    void aSecretOfOneStoreDoesNotOpenForAnother() {
        SecretVault vault = sandboxVault();
        SealedSecret sealed = vault.seal(aurora, SecretPurpose.BUSINESS_TOKEN, TOKEN);

        assertThatThrownBy(() -> vault.open(boaVista, SecretPurpose.BUSINESS_TOKEN, sealed))
                .isInstanceOf(SecretUnreadable.class)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aPinCannotBeReadAsAToken() {
        SecretVault vault = sandboxVault();
        SealedSecret pin = vault.seal(aurora, SecretPurpose.TWO_STEP_PIN, "581063");

        assertThatThrownBy(() -> vault.open(aurora, SecretPurpose.BUSINESS_TOKEN, pin))
                .isInstanceOf(SecretUnreadable.class);
    }

    @Test
    void theEmbeddedKeySurvivesARestart() {
        SealedSecret sealed = sandboxVault().seal(aurora, SecretPurpose.BUSINESS_TOKEN, TOKEN);

        assertThat(data.resolve("vault-keyset.json")).exists();
        assertThat(sandboxVault().open(aurora, SecretPurpose.BUSINESS_TOKEN, sealed))
                .isEqualTo(TOKEN);
    }

    @Test
    void tamperingIsDetected() {
        SecretVault vault = sandboxVault();
        byte[] bytes = vault.seal(aurora, SecretPurpose.BUSINESS_TOKEN, TOKEN).ciphertext();
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> vault.open(aurora, SecretPurpose.BUSINESS_TOKEN, new SealedSecret(bytes)))
                .isInstanceOf(SecretUnreadable.class);
    }

    @Test
    void liveModeRefusesToStartWithoutAConfiguredKeyset() {
        assertThatThrownBy(() -> new SecretVault(new VaultSettings(null, null), settings(MetaMode.LIVE), environment()))
                .hasMessageContaining("vault.keyset");
    }

    @Test
    void neverPrintsItsKeyset() {
        assertThat(new VaultSettings("{\"primaryKeyId\":1}", null).toString()).doesNotContain("primaryKeyId");
    }

    private SecretVault sandboxVault() {
        return new SecretVault(new VaultSettings(null, null), settings(MetaMode.SANDBOX), environment());
    }

    private MockEnvironment environment() {
        return new MockEnvironment().withProperty("app.data-dir", data.toString());
    }

    private static MetaSettings settings(MetaMode mode) {
        return new MetaSettings(
                mode,
                URI.create("http://127.0.0.1:1/sandbox/graph"),
                "v25.0",
                "app",
                mode == MetaMode.LIVE ? "live-secret" : "sandbox-app-secret",
                "config",
                "verify",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }
}
