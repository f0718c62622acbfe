package br.com.whatsappoficial.meta;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key that encrypts business tokens and PINs comes from.
 *
 * @param keyset a Tink keyset in JSON (live mode: from the secret manager, e.g. VAULT_KEYSET)
 * @param keysetFile where the embedded default keeps a generated keyset when none is configured
 */
@ConfigurationProperties("vault")
public record VaultSettings(
        @Nullable String keyset, @Nullable String keysetFile) {

    @Override
    public String toString() {
        return "VaultSettings[keyset=" + (keyset == null ? "none" : "redacted") + ", keysetFile=" + keysetFile + "]";
    }
}
