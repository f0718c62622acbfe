package br.com.whatsappoficial.meta;

import br.com.whatsappoficial.store.StoreId;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts business tokens and two-step PINs at rest with AES-256-GCM (Google Tink). The store id and
 * the secret's purpose are the associated data, so a ciphertext copied to another store's row, or a
 * PIN put where a token belongs, does not decrypt. Tink keysets rotate: a new primary key encrypts,
 * older keys still decrypt.
 */
@Component
public class SecretVault {

    private final Aead aead;

    SecretVault(VaultSettings settings, MetaSettings meta, Environment environment) {
        try {
            AeadConfig.register();
            this.aead = keyset(settings, meta, environment).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The vault keyset cannot be used", e);
        }
    }

    public SealedSecret seal(StoreId store, SecretPurpose purpose, String plaintext) {
        try {
            return new SealedSecret(aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context(store, purpose)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plaintext; fails if the secret was sealed for another store or purpose, or was tampered with. */
    public String open(StoreId store, SecretPurpose purpose, SealedSecret sealed) {
        try {
            return new String(aead.decrypt(sealed.ciphertext(), context(store, purpose)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretUnreadable(purpose);
        }
    }

    private static byte[] context(StoreId store, SecretPurpose purpose) {
        return ("whatsapp-oficial|" + store.value() + "|" + purpose.name()).getBytes(StandardCharsets.UTF_8);
    }

    private static KeysetHandle keyset(VaultSettings settings, MetaSettings meta, Environment environment)
            throws GeneralSecurityException {
        if (settings.keyset() != null && !settings.keyset().isBlank()) {
            return TinkJsonProtoKeysetFormat.parseKeyset(settings.keyset(), InsecureSecretKeyAccess.get());
        }
        if (!meta.sandbox()) {
            throw new IllegalStateException("Live mode needs vault.keyset (a Tink AEAD keyset in JSON)");
        }
        Path file = Path.of(
                settings.keysetFile() != null
                        ? settings.keysetFile()
                        : environment.getProperty("app.data-dir", "./data") + "/vault-keyset.json");
        return readOrCreate(file);
    }

    /** The embedded default's own key, made on first start and kept next to its database. */
    private static KeysetHandle readOrCreate(Path file) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle created = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "vault", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply.
            }
            Files.writeString(temp, TinkJsonProtoKeysetFormat.serializeKeyset(created, InsecureSecretKeyAccess.get()));
            try {
                // Never replace an existing keyset: what it encrypted would become unreadable.
                Files.move(temp, file);
            } catch (FileAlreadyExistsException anotherProcessWon) {
                Files.deleteIfExists(temp);
                return readOrCreate(file);
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the vault keyset at " + file, e);
        }
    }
}
