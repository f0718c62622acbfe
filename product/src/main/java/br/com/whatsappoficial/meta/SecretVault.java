package br.com.whatsappoficial.meta;

import br.com.whatsappoficial.store.StoreId;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    private final int primaryKeyId;
    private final byte[] primaryPrefix;
    private final List<byte[]> olderPrefixes;

    SecretVault(VaultSettings settings, MetaSettings meta, Environment environment) {
        try {
            AeadConfig.register();
            KeysetHandle keyset = keyset(settings, meta, environment);
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.primaryKeyId = keyset.getPrimary().getId();
            this.primaryPrefix = prefix(keyset.getPrimary());
            List<byte[]> older = new ArrayList<>();
            for (int i = 0; i < keyset.size(); i++) {
                KeysetHandle.Entry entry = keyset.getAt(i);
                if (!entry.isPrimary() && entry.getStatus() == KeyStatus.ENABLED && prefix(entry).length > 0) {
                    older.add(prefix(entry));
                }
            }
            this.olderPrefixes = List.copyOf(older);
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

    /**
     * The same secret sealed again under the primary key, for the key rotation; fails like {@link #open}.
     * The plaintext never becomes a string.
     */
    SealedSecret reseal(StoreId store, SecretPurpose purpose, SealedSecret sealed) {
        byte[] plaintext;
        try {
            plaintext = aead.decrypt(sealed.ciphertext(), context(store, purpose));
        } catch (GeneralSecurityException e) {
            throw new SecretUnreadable(purpose);
        }
        try {
            return new SealedSecret(aead.encrypt(plaintext, context(store, purpose)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * How every ciphertext of the primary key begins: Tink's output prefix, a version byte and the key's
     * id. Empty for a key without a prefix (RAW), whose ciphertexts cannot be told apart.
     */
    byte[] primaryPrefix() {
        return primaryPrefix.clone();
    }

    /** How the ciphertexts of the keyset's other enabled keys begin: those the rotation moves. */
    List<byte[]> olderPrefixes() {
        return olderPrefixes.stream().map(byte[]::clone).toList();
    }

    private static byte[] prefix(KeysetHandle.Entry entry) {
        return entry.getKey() instanceof AeadKey key ? key.getOutputPrefix().toByteArray() : new byte[0];
    }

    /** The primary key's id (not secret), for the rotation's log. */
    int primaryKeyId() {
        return primaryKeyId;
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
