package br.com.whatsappoficial.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.whatsappoficial.store.StoreId;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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
    void aRotatedKeysetSealsWithItsNewPrimaryKeyAndStillOpensWhatTheOldOneSealed() throws Exception {
        KeysetHandle before = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        SealedSecret old = liveVault(before).seal(aurora, SecretPurpose.BUSINESS_TOKEN, TOKEN);

        KeysetHandle rotated = KeysetHandle.newBuilder(before)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        SecretVault vault = liveVault(rotated);
        SealedSecret fresh = vault.seal(aurora, SecretPurpose.TWO_STEP_PIN, "581063");

        assertThat(vault.open(aurora, SecretPurpose.BUSINESS_TOKEN, old)).isEqualTo(TOKEN);
        assertThat(vault.open(aurora, SecretPurpose.TWO_STEP_PIN, fresh)).isEqualTo("581063");
        // Tink's output prefix names the key: the new secret is sealed with the new primary, not the old key.
        assertThat(ByteBuffer.wrap(fresh.ciphertext(), 1, 4).getInt())
                .isEqualTo(rotated.getPrimary().getId())
                .isNotEqualTo(before.getPrimary().getId());
        assertThatThrownBy(() -> liveVault(before).open(aurora, SecretPurpose.TWO_STEP_PIN, fresh))
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

    private SecretVault liveVault(KeysetHandle keyset) throws GeneralSecurityException {
        return new SecretVault(
                new VaultSettings(
                        TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()), null),
                settings(MetaMode.LIVE),
                environment());
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
