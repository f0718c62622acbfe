package br.com.whatsappoficial.accounttest;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param timeout how long a run waits for Meta's statuses and the customer's message before it times out:
 *     long enough for the merchant to pick up their phone, scan the code and send it
 */
@Validated
@ConfigurationProperties("accounttest")
record AccountTestSettings(
        @DefaultValue("10m")
        @NotNull
        @DurationMin(seconds = 5, message = "accounttest.timeout must leave Meta's webhooks a few seconds to arrive")
        Duration timeout) {}
