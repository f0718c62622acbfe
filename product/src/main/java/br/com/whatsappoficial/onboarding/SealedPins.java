package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.meta.SealedColumn;
import br.com.whatsappoficial.meta.SecretPurpose;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The numbers' two-step PINs are sealed by the vault: its key rotation re-seals them. */
@Configuration(proxyBeanMethods = false)
class SealedPins {

    @Bean
    SealedColumn twoStepPins() {
        return new SealedColumn("registrations", "phone_number_id", "two_step_pin", SecretPurpose.TWO_STEP_PIN);
    }
}
