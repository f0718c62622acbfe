package br.com.whatsappoficial.onboarding;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataLocalizationRegion B13 (LGPD): {@code BR} keeps message data at rest in Brazil; empty for Meta's default
 * @param registrationPoll how often a node looks for due registration steps
 * @param verificationPoll how often a number whose ownership code is not verified yet is read again before /register
 * @param supportUrl where the platform's support takes cases (a help-desk form, a chat, a mailto:); the support
 *     page shows what to send it, and a button to it when set
 */
@ConfigurationProperties("onboarding")
public record OnboardingSettings(
        @Nullable String dataLocalizationRegion,
        @DefaultValue("2s") Duration registrationPoll,
        @DefaultValue("5m") Duration verificationPoll,
        @Nullable URI supportUrl) {}
