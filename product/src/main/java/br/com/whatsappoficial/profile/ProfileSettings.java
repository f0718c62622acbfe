package br.com.whatsappoficial.profile;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the profile is kept in step with Meta.
 *
 * @param checkEvery how often each store's profile is compared with Meta's copy when nobody saves or opens it
 * @param checkPoll how often a node looks for profiles due for that check
 */
@Validated
@ConfigurationProperties("profile")
public record ProfileSettings(
        @DefaultValue("6h")
        @NotNull
        @DurationMin(
                minutes = 1,
                message = "must be at least 1 minute: each check reads every number's profile from Meta")
        Duration checkEvery,

        @DefaultValue("60s") @NotNull Duration checkPoll) {}
