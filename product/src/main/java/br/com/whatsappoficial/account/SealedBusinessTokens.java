package br.com.whatsappoficial.account;

import br.com.whatsappoficial.meta.SealedColumn;
import br.com.whatsappoficial.meta.SecretPurpose;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The WABAs' business tokens are sealed by the vault: its key rotation re-seals them. */
@Configuration(proxyBeanMethods = false)
class SealedBusinessTokens {

    @Bean
    SealedColumn businessTokens() {
        return new SealedColumn("wabas", "waba_id", "business_token", SecretPurpose.BUSINESS_TOKEN);
    }
}
