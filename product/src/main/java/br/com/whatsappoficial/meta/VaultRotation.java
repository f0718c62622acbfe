package br.com.whatsappoficial.meta;

import br.com.whatsappoficial.store.CrossStore;
import br.com.whatsappoficial.store.StoreId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes a key rotation: every secret of every {@link SealedColumn} still sealed under an older key of
 * the keyset is opened and sealed again under the primary, so that the older key can then be removed.
 * A ciphertext names its key in its first bytes (Tink's output prefix), so the rows to move are found in
 * SQL without opening anything, and once moved they are no longer found: running it again, or on every
 * node at once, does nothing twice.
 *
 * <p>Each batch is its own short transaction that locks only its rows ({@code FOR UPDATE SKIP LOCKED}):
 * nodes running it at once take different rows and never wait for each other or for the product's own
 * writes. A row whose secret does not open (sealed for another store or purpose, tampered with) is left as
 * it is and counted, never logged with its value; rows under a key the keyset no longer has are not looked at.
 */
@Component
@CrossStore("re-seals the secrets of every store, each with its own row's store as associated data")
class VaultRotation {

    private static final Logger log = LoggerFactory.getLogger(VaultRotation.class);
    /** Tink's output prefix: a version byte and the key id. */
    private static final int PREFIX = 5;

    /** What one run did. */
    record Run(Map<SecretPurpose, Long> resealed, long unreadable, long left) {
        long total() {
            return resealed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SecretVault vault;
    private final List<SealedColumn> columns;
    private final VaultRotationSettings settings;
    private final Map<SecretPurpose, Counter> resealedCounters = new EnumMap<>(SecretPurpose.class);
    private final Counter unreadableCounter;
    private final AtomicLong left = new AtomicLong(-1);

    VaultRotation(
            NamedParameterJdbcTemplate jdbc,
            TransactionTemplate transaction,
            SecretVault vault,
            List<SealedColumn> columns,
            VaultRotationSettings settings,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.vault = vault;
        this.columns = List.copyOf(columns);
        this.settings = settings;
        for (SecretPurpose purpose : SecretPurpose.values()) {
            resealedCounters.put(
                    purpose,
                    Counter.builder("vault.resealed")
                            .description("Secrets re-sealed under the vault's primary key by the key rotation")
                            .tag("purpose", purpose.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        this.unreadableCounter = Counter.builder("vault.unreadable")
                .description("Secrets the key rotation found under an older key and could not open")
                .register(registry);
        Gauge.builder("vault.older.key.secrets", left, AtomicLong::get)
                .description("Secrets still under an older key after this node's last rotation run (-1: none yet)")
                .register(registry);
    }

    @Scheduled(
            fixedDelayString = "${vault.rotation.every:1h}",
            initialDelayString = "${vault.rotation.initial-delay:1m}")
    void onSchedule() {
        if (!settings.enabled()) {
            return;
        }
        try {
            reseal();
        } catch (DataAccessException e) {
            // Typically the database is down; what was re-sealed stays so, the next run goes on.
            log.warn("Vault rotation stopped early: {}", e.getMessage());
        }
    }

    /** One run over every sealed column; logs a line when it moved or met something. */
    Run reseal() {
        List<byte[]> older = vault.olderPrefixes();
        if (vault.primaryPrefix().length != PREFIX) {
            log.warn("Vault rotation skipped: the primary key has no output prefix (RAW), so the secrets under"
                    + " older keys cannot be told apart; use a key template with Tink's prefix, such as AES256_GCM");
            return new Run(Map.of(), 0, -1);
        }
        Map<SecretPurpose, Long> resealed = new EnumMap<>(SecretPurpose.class);
        if (older.isEmpty()) {
            // A keyset of one key (or whose older keys are disabled): nothing can be under another.
            left.set(0);
            return new Run(resealed, 0, 0);
        }
        long unreadable = 0;
        long remaining = 0;
        for (SealedColumn column : columns) {
            Moved moved = resealColumn(column, older);
            resealed.merge(column.purpose(), moved.resealed(), Long::sum);
            unreadable += moved.unreadable();
            remaining += count(column, older);
        }
        left.set(remaining);
        Run run = new Run(resealed, unreadable, remaining);
        if (run.total() > 0 || unreadable > 0) {
            log.info(
                    "Vault rotation re-sealed {} secrets under primary key {} ({}); {} did not open for their row;"
                            + " {} left under older keys",
                    run.total(),
                    Integer.toUnsignedString(vault.primaryKeyId()),
                    resealed,
                    unreadable,
                    remaining);
        }
        return run;
    }

    private record Moved(long resealed, long unreadable) {}

    private record Row(Object key, StoreId store, byte[] sealed) {}

    /**
     * Walks the column's rows under older keys in key order, a batch per transaction; a row that does not
     * open stays behind the walk, so a run always ends.
     */
    private Moved resealColumn(SealedColumn column, List<byte[]> older) {
        long resealed = 0;
        long unreadable = 0;
        @Nullable Object after = null;
        while (true) {
            Object from = after;
            Batch batch = transaction.execute(status -> resealBatch(column, older, from));
            if (batch == null || batch.rows() == 0) {
                return new Moved(resealed, unreadable);
            }
            resealed += batch.resealed();
            unreadable += batch.unreadable();
            resealedCounters.get(column.purpose()).increment(batch.resealed());
            unreadableCounter.increment(batch.unreadable());
            after = batch.last();
            if (batch.rows() < settings.batchSize()) {
                return new Moved(resealed, unreadable);
            }
        }
    }

    private record Batch(
            int rows,
            long resealed,
            long unreadable,
            @Nullable Object last) {}

    private Batch resealBatch(SealedColumn column, List<byte[]> older, @Nullable Object after) {
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("older", older).addValue("limit", settings.batchSize());
        if (after != null) {
            params.addValue("after", after);
        }
        String select = "select " + column.key() + ", store_id, " + column.column() + " from " + column.table()
                + " where " + olderKey(column) + (after == null ? "" : " and " + column.key() + " > :after")
                + " order by " + column.key() + " limit :limit for update skip locked";
        List<Row> rows = jdbc.query(
                select,
                params,
                (rs, n) -> new Row(rs.getObject(1), new StoreId(rs.getObject(2, UUID.class)), rs.getBytes(3)));
        List<MapSqlParameterSource> updates = new ArrayList<>();
        long unreadable = 0;
        for (Row row : rows) {
            try {
                SealedSecret fresh = vault.reseal(row.store(), column.purpose(), new SealedSecret(row.sealed()));
                updates.add(new MapSqlParameterSource()
                        .addValue("key", row.key())
                        .addValue("fresh", fresh.ciphertext())
                        .addValue("old", row.sealed()));
            } catch (SecretUnreadable e) {
                unreadable++;
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(
                    "update " + column.table() + " set " + column.column() + " = :fresh where " + column.key()
                            + " = :key and " + column.column() + " = :old",
                    updates.toArray(MapSqlParameterSource[]::new));
        }
        return new Batch(
                rows.size(),
                updates.size(),
                unreadable,
                rows.isEmpty() ? null : rows.getLast().key());
    }

    private long count(SealedColumn column, List<byte[]> older) {
        Long count = jdbc.queryForObject(
                "select count(*) from " + column.table() + " where " + olderKey(column),
                new MapSqlParameterSource("older", older),
                Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Rows whose secret begins with the prefix of one of the keyset's older keys (PostgreSQL and H2 alike).
     * Rows under a key the keyset no longer has are never locked: nothing here could open them.
     */
    private static String olderKey(SealedColumn column) {
        return "substring(" + column.column() + " from 1 for " + PREFIX + ") in (:older)";
    }
}
