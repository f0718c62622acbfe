package br.com.whatsappoficial.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may scrape {@code /actuator/prometheus} outside sandbox mode (HTTP Basic). Without both values
 * nobody may.
 *
 * @param username the scraper's user name
 * @param passwordHash its password as a Spring Security hash, e.g. {@code {bcrypt}$2a$10$...}
 */
@ConfigurationProperties("app.metrics")
public record MetricsAccessSettings(
        @Nullable String username, @Nullable String passwordHash) {

    boolean configured() {
        return username != null && !username.isBlank() && passwordHash != null && !passwordHash.isBlank();
    }

    @Override
    public String toString() {
        return "MetricsAccessSettings[username=" + username + "]";
    }
}
