package br.com.whatsappoficial.template;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How templates are kept in step with Meta.
 *
 * @param syncEvery how often each WABA's templates are read again from Meta, to correct what a lost
 *     webhook left stale and to find templates made in WhatsApp Manager
 * @param syncPoll how often a node looks for WABAs due for a sync
 * @param creationsPerHour creations sent to Meta per WABA per rolling hour; Meta refuses beyond 100
 */
@Validated
@ConfigurationProperties("template")
public record TemplateSettings(
        @DefaultValue("4h")
        @NotNull
        @DurationMin(
                minutes = 1,
                message = "must be at least 1 minute: each sync reads every template of the WABA from Meta")
        Duration syncEvery,

        @DefaultValue("30s") @NotNull Duration syncPoll,

        @DefaultValue("100")
        @Min(1)
        @Max(value = 100, message = "must be at most 100: Meta refuses more creations per WABA per hour")
        int creationsPerHour) {}
