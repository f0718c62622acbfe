package br.com.whatsappoficial.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.testsupport.PostgresIntegrationTest;
import br.com.whatsappoficial.store.StoreDirectory;
import br.com.whatsappoficial.store.StoreId;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A key rotation on PostgreSQL: secrets of every sealed column written under key A, the keyset rotated to a
 * new primary B, the job run; then A removed from the keyset and everything still opens.
 */
@PostgresIntegrationTest
class VaultRotationIT {

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<SealedColumn> columns;

    @Autowired
    StoreDirectory directory;

    @Autowired
    MetaSettings meta;

    @Autowired
    Environment environment;

    KeysetHandle keyA;
    KeysetHandle rotated;
    /** Each secret this test wrote, by where it lives, with its plaintext and store. */
    List<Written> written = new ArrayList<>();

    record Written(SealedColumn column, Object key, StoreId store, String plaintext) {}

    @BeforeEach
    void keysetAAndARotatedOne() throws GeneralSecurityException {
        keyA = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        rotated = KeysetHandle.newBuilder(keyA)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
    }

    @Test
    void everyModuleDeclaresItsSealedColumn() {
        assertThat(columns)
                .extracting(SealedColumn::toString)
                .containsExactlyInAnyOrder(
                        "wabas.business_token",
                        "registrations.two_step_pin",
                        "messaging_callback_settings.sealed_secret");
    }

    @Test
    void everyBinaryColumnIsASealedColumnOrKnownNotToHoldAVaultSecret() {
        List<String> binary = jdbc.sql("""
                        select table_name || '.' || column_name from information_schema.columns
                        where table_schema = current_schema() and data_type = 'bytea' order by 1""").query(String.class).list();
        List<String> notSealed = List.of(
                // hashes, not secrets that must be read back
                "api_keys.secret_hash",
                "store_invitations.token_hash",
                // a rate limiter's state, a session's attributes, a logo
                "login_buckets.state",
                "spring_session_attributes.attribute_bytes",
                "business_profiles.picture");
        List<String> sealed = columns.stream().map(SealedColumn::toString).toList();

        assertThat(binary.stream().filter(column -> !column.startsWith("sandbox_")))
                .as("a new binary column holding a vault secret must be declared as a SealedColumn bean")
                .allMatch(column -> sealed.contains(column) || notSealed.contains(column));
    }

    @Test
    void theJobMovesEverySecretToTheNewPrimaryKeyAndTheOldKeyCanThenGo() throws Exception {
        SecretVault vaultA = secretsOfStoresUnderKeyA(3);
        SecretVault vaultAB = vault(rotated);
        int keyB = rotated.getPrimary().getId();

        VaultRotation.Run run = rotation(vaultAB, 2).reseal();

        assertThat(run.resealed())
                .containsEntry(SecretPurpose.BUSINESS_TOKEN, 3L)
                .containsEntry(SecretPurpose.TWO_STEP_PIN, 3L)
                .containsEntry(SecretPurpose.CALLBACK_SECRET, 3L);
        for (Written secret : written) {
            byte[] now = ciphertext(secret);
            assertThat(keyIdOf(now)).as(secret.toString()).isEqualTo(keyB);
            assertThat(vaultAB.open(secret.store(), secret.column().purpose(), new SealedSecret(now)))
                    .isEqualTo(secret.plaintext());
        }

        // Again: nothing left to move, nothing changed.
        Map<Written, String> before = written.stream().collect(Collectors.toMap(w -> w, w -> hex(ciphertext(w))));
        assertThat(rotation(vaultAB, 2).reseal().total()).isZero();
        assertThat(written).allMatch(w -> hex(ciphertext(w)).equals(before.get(w)));

        // Key A leaves the keyset: every secret still opens, and A alone no longer opens any.
        KeysetHandle.Builder withoutA = KeysetHandle.newBuilder(rotated);
        for (int i = 0; i < withoutA.size(); i++) {
            if (rotated.getAt(i).getId() == keyA.getPrimary().getId()) {
                withoutA.deleteAt(i);
                break;
            }
        }
        KeysetHandle onlyB = withoutA.build();
        assertThat(onlyB.size()).isOne();
        SecretVault vaultB = vault(onlyB);
        for (Written secret : written) {
            SealedSecret sealed = new SealedSecret(ciphertext(secret));
            assertThat(vaultB.open(secret.store(), secret.column().purpose(), sealed))
                    .isEqualTo(secret.plaintext());
            assertThatThrownBy(() -> vaultA.open(secret.store(), secret.column().purpose(), sealed))
                    .isInstanceOf(SecretUnreadable.class);
        }
    }

    @Test
    void aSecretThatDoesNotOpenForItsRowIsLeftAsItIsAndTheRunStillEnds() throws Exception {
        SecretVault vaultA = vault(keyA);
        writeOneOfEach(vaultA);
        Written token = written.getFirst();
        StoreId other = newStore();
        byte[] foreign = vaultA.seal(other, SecretPurpose.BUSINESS_TOKEN, "EAAT-de-outra-loja")
                .ciphertext();
        jdbc.sql("update wabas set business_token = :token where waba_id = :id")
                .param("token", foreign)
                .param("id", token.key())
                .update();

        VaultRotation.Run run = rotation(vault(rotated), 1).reseal();

        assertThat(run.unreadable()).isEqualTo(1);
        assertThat(run.resealed()).containsEntry(SecretPurpose.TWO_STEP_PIN, 1L);
        assertThat(ciphertext(token)).isEqualTo(foreign);
        assertThat(run.left()).isEqualTo(1);
    }

    @Test
    void nodesRunningItAtOnceMoveEachSecretOnce() throws Exception {
        secretsOfStoresUnderKeyA(40);
        SecretVault vaultAB = vault(rotated);

        List<CompletableFuture<VaultRotation.Run>> nodes = List.of(
                CompletableFuture.supplyAsync(() -> rotation(vaultAB, 5).reseal()),
                CompletableFuture.supplyAsync(() -> rotation(vaultAB, 5).reseal()));

        long moved = nodes.stream().mapToLong(node -> node.join().total()).sum();
        assertThat(moved).isEqualTo(written.size());
        assertThat(written)
                .allMatch(w -> keyIdOf(ciphertext(w)) == rotated.getPrimary().getId());
    }

    /** A token, a PIN and a callback secret for each of that many new stores, all sealed under key A. */
    private SecretVault secretsOfStoresUnderKeyA(int stores) throws GeneralSecurityException {
        SecretVault vaultA = vault(keyA);
        for (int i = 0; i < stores; i++) {
            writeOneOfEach(vaultA);
        }
        return vaultA;
    }

    private void writeOneOfEach(SecretVault vault) {
        StoreId store = newStore();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String waba = "9" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
        String token = "EAAT" + run;
        jdbc.sql("""
                        insert into wabas (waba_id, store_id, business_token, connected_at)
                        values (:id, :store, :token, current_timestamp)""")
                .param("id", waba)
                .param("store", store.value())
                .param(
                        "token",
                        vault.seal(store, SecretPurpose.BUSINESS_TOKEN, token).ciphertext())
                .update();
        written.add(new Written(column("wabas"), waba, store, token));
        String phone = "8" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
        String pin = Integer.toString(100_000 + Math.floorMod(run.hashCode(), 900_000));
        jdbc.sql("""
                        insert into registrations (phone_number_id, store_id, waba_id, state, two_step_pin,
                                                   created_at, updated_at)
                        values (:id, :store, :waba, 'REGISTERED', :pin, current_timestamp, current_timestamp)""")
                .param("id", phone)
                .param("store", store.value())
                .param("waba", waba)
                .param("pin", vault.seal(store, SecretPurpose.TWO_STEP_PIN, pin).ciphertext())
                .update();
        written.add(new Written(column("registrations"), phone, store, pin));
        String secret = "wocb_" + run;
        jdbc.sql("""
                        insert into messaging_callback_settings (store_id, sealed_secret, updated_at)
                        values (:store, :secret, current_timestamp)""")
                .param("store", store.value())
                .param(
                        "secret",
                        vault.seal(store, SecretPurpose.CALLBACK_SECRET, secret).ciphertext())
                .update();
        written.add(new Written(column("messaging_callback_settings"), store.value(), store, secret));
    }

    private StoreId newStore() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return directory.create("Loja " + run, "Rita", "rotacao-" + run + "@cofre.example", "senha-" + run);
    }

    private SealedColumn column(String table) {
        return columns.stream()
                .filter(column -> column.table().equals(table))
                .findFirst()
                .orElseThrow();
    }

    private byte[] ciphertext(Written secret) {
        return jdbc.sql("select " + secret.column().column() + " from "
                        + secret.column().table() + " where " + secret.column().key() + " = :key")
                .param("key", secret.key())
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    private VaultRotation rotation(SecretVault vault, int batchSize) {
        return new VaultRotation(
                named,
                transaction,
                vault,
                columns,
                new VaultRotationSettings(true, batchSize),
                new SimpleMeterRegistry());
    }

    private SecretVault vault(KeysetHandle keyset) throws GeneralSecurityException {
        return new SecretVault(
                new VaultSettings(
                        TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()), null),
                meta,
                environment);
    }

    /** Tink's output prefix: a version byte, then the id of the key that sealed it. */
    private static int keyIdOf(byte[] ciphertext) {
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
