package br.com.whatsappoficial.onboarding;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The launcher's report of how Embedded Signup ended; a form record, never an entity. */
record SignupReport(
        Outcome outcome,
        @Nullable String code,
        @JsonProperty("waba_id") @Nullable String wabaId,
        @JsonProperty("phone_number_id") @Nullable String phoneNumberId,
        @JsonProperty("business_id") @Nullable String businessId,
        @JsonProperty("current_step") @Nullable String currentStep,
        @JsonProperty("error_message") @Nullable String errorMessage,
        @JsonProperty("error_id") @Nullable String errorId) {

    enum Outcome {
        FINISH,
        CANCEL,
        ERROR
    }
}
