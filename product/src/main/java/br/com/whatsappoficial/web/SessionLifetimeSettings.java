package br.com.whatsappoficial.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a merchant's session may last in all, however active: an open tab polls every few seconds,
 * so the idle timeout ({@code server.servlet.session.timeout}) alone would keep it alive for ever.
 *
 * @param absoluteTimeout the most a session lives from its login
 */
@Validated
@ConfigurationProperties("app.session")
public record SessionLifetimeSettings(
        @DefaultValue("12h") @NotNull Duration absoluteTimeout) {}
