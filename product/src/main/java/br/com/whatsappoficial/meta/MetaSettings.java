package br.com.whatsappoficial.meta;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the product reaches Meta. Sandbox and live mode differ only in these values.
 *
 * @param mode sandbox (default) or live
 * @param graphBaseUrl where the Graph API lives; in sandbox mode our own {@code /sandbox/graph}
 * @param graphVersion the Graph API version on every path and in {@code FB.init}
 * @param appId the Meta app id
 * @param appSecret the app secret: signs webhooks, exchanges codes, makes {@code appsecret_proof}
 * @param configId the Facebook Login for Business configuration id of Embedded Signup
 * @param webhookVerifyToken answered back to Meta's {@code hub.verify_token} challenge
 * @param connectTimeout how long to wait for a TCP/TLS connection to the Graph API
 * @param readTimeout how long to wait for the Graph API's answer once the request is sent
 */
@Validated
@ConfigurationProperties("meta")
public record MetaSettings(
        @DefaultValue("sandbox") @NotNull MetaMode mode,
        @Nullable URI graphBaseUrl,

        @DefaultValue("v25.0") @Pattern(regexp = "v\\d{2}\\.\\d")
        String graphVersion,

        @DefaultValue("sandbox-app") @NotBlank String appId,
        @DefaultValue("sandbox-app-secret") @NotBlank String appSecret,
        @DefaultValue("sandbox-config") @NotBlank String configId,
        @DefaultValue("sandbox-verify-token") @NotBlank String webhookVerifyToken,
        @DefaultValue("3s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration readTimeout) {

    public MetaSettings {
        if (mode == MetaMode.LIVE && appSecret.startsWith("sandbox")) {
            // A live node with the sandbox's well-known secret would accept forged webhooks.
            throw new IllegalArgumentException("meta.app-secret must be set to the real app secret in live mode");
        }
    }

    public boolean sandbox() {
        return mode == MetaMode.SANDBOX;
    }

    @Override
    public String toString() {
        return "MetaSettings[mode=%s, graphBaseUrl=%s, graphVersion=%s, appId=%s, configId=%s, timeouts=%s/%s]"
                .formatted(mode, graphBaseUrl, graphVersion, appId, configId, connectTimeout, readTimeout);
    }
}
