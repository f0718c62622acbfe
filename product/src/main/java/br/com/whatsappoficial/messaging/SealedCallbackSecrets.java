package br.com.whatsappoficial.messaging;

import br.com.whatsappoficial.meta.SealedColumn;
import br.com.whatsappoficial.meta.SecretPurpose;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stores' callback signing secrets are sealed by the vault: its key rotation re-seals them. */
@Configuration(proxyBeanMethods = false)
class SealedCallbackSecrets {

    @Bean
    SealedColumn callbackSecrets() {
        return new SealedColumn(
                "messaging_callback_settings", "store_id", "sealed_secret", SecretPurpose.CALLBACK_SECRET);
    }
}
