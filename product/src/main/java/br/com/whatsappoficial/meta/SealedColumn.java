package br.com.whatsappoficial.meta;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column of secrets sealed by the {@link SecretVault}, declared as a bean by the module that owns its
 * table so that the vault's key rotation ({@code VaultRotation}) re-seals it under the newest key. The
 * rows carry their store in {@code store_id}, which is the secrets' associated data.
 *
 * <p>The names go into SQL as they are, so they must be constants written in code: each is checked to be
 * a plain lower-case identifier.
 *
 * @param table the table
 * @param key the column that identifies a row (one column)
 * @param column the sealed column (bytea, null where there is no secret)
 * @param purpose what the secrets are for, the other half of their associated data
 */
public record SealedColumn(String table, String key, String column, SecretPurpose purpose) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public SealedColumn {
        identifier(table);
        identifier(key);
        identifier(column);
        Objects.requireNonNull(purpose, "purpose");
    }

    private static void identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
