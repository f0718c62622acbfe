package br.com.whatsappoficial.onboarding;

import br.com.whatsappoficial.meta.InvalidMetaId;
import br.com.whatsappoficial.meta.PhoneNumberId;
import br.com.whatsappoficial.meta.WabaId;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The launcher's report of how Embedded Signup ended; a form record, never an entity. */
record SignupReport(
        Outcome outcome,
        @Nullable String code,
        @JsonProperty("waba_id") @Nullable String wabaId,
        @JsonProperty("phone_number_id") @Nullable String phoneNumberId,
        @JsonProperty("current_step") @Nullable String currentStep,
        @JsonProperty("error_message") @Nullable String errorMessage,
        @JsonProperty("error_id") @Nullable String errorId) {

    /**
     * The code and the ids of a FINISH; business_id is left out, Meta tells it. Ids that are not Meta's
     * (anything but digits) are refused before they reach a Graph path.
     */
    SignupFinished finished() {
        try {
            return new SignupFinished(
                    java.util.Objects.requireNonNull(code),
                    wabaId == null ? null : new WabaId(wabaId),
                    phoneNumberId == null ? null : new PhoneNumberId(phoneNumberId));
        } catch (InvalidMetaId invalid) {
            throw new SignupRefused("onboarding.refused.invalid-ids", null);
        }
    }

    enum Outcome {
        FINISH,
        CANCEL,
        ERROR
    }
}
