package br.com.whatsappoficial.store;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many failed logins an e-mail and a client address may have: the first {@code *FreeAttempts} at
 * once, then one per {@code *Spacing}, and after {@code *AttemptsBeforeLock} within {@code lockFor} none
 * until that window is over. Only failures count; a refused attempt is answered 429. An address is
 * shared by a shop's whole office (and by a proxy's clients), so it may fail more than one e-mail.
 */
@Validated
@ConfigurationProperties("login-throttle")
public record LoginThrottleSettings(
        @DefaultValue("5") @Min(1) int accountFreeAttempts,
        @DefaultValue("1m") @NotNull Duration accountSpacing,
        @DefaultValue("10") @Min(1) int accountAttemptsBeforeLock,
        @DefaultValue("20") @Min(1) int addressFreeAttempts,
        @DefaultValue("10s") @NotNull Duration addressSpacing,
        @DefaultValue("100") @Min(1) int addressAttemptsBeforeLock,
        @DefaultValue("1h") @NotNull Duration lockFor) {}
