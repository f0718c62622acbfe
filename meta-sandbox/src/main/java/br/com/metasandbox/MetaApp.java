package br.com.metasandbox;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The app as Meta's App Dashboard holds it. The sandbox plays Meta for the one app this node runs, so it
 * reads the registration from the same {@code meta.*} settings the product uses to call it: a code
 * exchange, an {@code appsecret_proof} or a webhook signature can then only agree.
 *
 * @param appId the app id the popup and {@code /oauth/access_token} expect
 * @param appSecret signs webhooks and checks code exchanges and {@code appsecret_proof}
 * @param configId the Facebook Login for Business configuration id of Embedded Signup
 */
@Validated
@ConfigurationProperties("meta")
public record MetaApp(
        @DefaultValue("sandbox-app") @NotBlank String appId,
        @DefaultValue("sandbox-app-secret") @NotBlank String appSecret,
        @DefaultValue("sandbox-config") @NotBlank String configId) {

    @Override
    public String toString() {
        return "MetaApp[appId=%s, configId=%s]".formatted(appId, configId);
    }
}
