package br.com.whatsappoficial.meta;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the vault's rotation job re-seals secrets still under an older key (its period is
 * {@code vault.rotation.every}, default 1h).
 *
 * @param enabled false switches the job off on this node
 * @param batchSize rows re-sealed per transaction: each batch locks only its own rows, briefly
 */
@Validated
@ConfigurationProperties("vault.rotation")
record VaultRotationSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200") @Min(1) @Max(10_000) int batchSize) {}
