package br.com.whatsappoficial.messaging;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param proactiveFloor while a number is Em análise, the most unique customers it may reach proactively
 *     per 24 h (or Meta's limit, if lower): a new number's first campaigns stay small while Meta judges it
 */
@Validated
@ConfigurationProperties("messaging")
record MessagingSettings(
        @DefaultValue("50") @Min(value = 1, message = "messaging.proactive-floor must allow at least one customer")
        int proactiveFloor) {}
